package org.newsradar.alert.raised;

import java.io.IOException;
import java.util.List;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.newsradar.operations.Pages;
import org.newsradar.operations.Pages.Page;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.newsradar.operations.NotFoundException;

/**
 * {@code /api/alerts}: alerts from the {@code alerts} index, newest first, each with the
 * articles of its story attached; and {@code /api/alerts/stream}, the live feed.
 */
@RestController
@RequestMapping("/api/alerts")
class AlertController {

	private final AlertStore store;

	private final AlertStream stream;

	private final JsonMapper json;

	AlertController(AlertStore store, AlertStream stream, JsonMapper json) {
		this.store = store;
		this.stream = stream;
		this.json = json;
	}

	/**
	 * The alerts, newest first, in pages: {@code size} (1 to 500) at a time, the next
	 * page by the {@code cursor} of the {@code Link} or {@code X-Next-Cursor} header, the
	 * number of all in {@code X-Total-Count} ({@code from} still skips, without a
	 * cursor).
	 */
	@GetMapping
	ResponseEntity<List<ObjectNode>> list(@RequestParam(name = "rule_id", required = false) List<String> ruleIds,
			@RequestParam(name = "story_id", required = false) String storyId,
			@RequestParam(defaultValue = "0") int from, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "50") int size) throws IOException {
		Query query = Query.of((q) -> q.bool((bool) -> {
			if (ruleIds != null && !ruleIds.isEmpty()) {
				bool.filter((f) -> f.terms((t) -> t.field("rule_id")
					.terms((values) -> values.value(ruleIds.stream().map(FieldValue::of).toList()))));
			}
			if (storyId != null) {
				bool.filter((f) -> f.term((t) -> t.field("story_id").value(storyId)));
			}
			return bool;
		}));
		Page<AlertDocument> page = this.store.page(query, Math.max(0, from), cursor, Math.clamp(size, 1, 500));
		return Pages.respond(new Page<>(page.items().stream().map((alert) -> alert.toJson(this.json)).toList(),
				page.total(), page.next()));
	}

	@GetMapping("/{id}")
	ObjectNode get(@PathVariable String id) throws IOException {
		return this.store.find(id)
			.map((alert) -> alert.toJson(this.json))
			.orElseThrow(() -> new NotFoundException("alert", id));
	}

	/** Marks an alert read; an article attached to it later makes it unread again. */
	@PostMapping("/{id}/read")
	ObjectNode read(@PathVariable String id) throws IOException {
		return mark(id, true);
	}

	@PostMapping("/{id}/unread")
	ObjectNode unread(@PathVariable String id) throws IOException {
		return mark(id, false);
	}

	private ObjectNode mark(String id, boolean read) throws IOException {
		this.store.markRead(id, read);
		return get(id);
	}

	/**
	 * Server-sent events, one {@code alert} event per alert raised from now on (by any
	 * instance), optionally only those of the given rules; each event's data is the alert
	 * as JSON, or with {@code format=text} its one-line summary.
	 */
	@GetMapping(path = "/stream", produces = "text/event-stream")
	SseEmitter stream(@RequestParam(name = "rule_id", required = false) List<String> ruleIds,
			@RequestParam(defaultValue = "json") String format) throws IOException {
		if (!format.equals("json") && !format.equals("text")) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "format must be json or text");
		}
		return this.stream.subscribe((ruleIds != null) ? ruleIds : List.of(), format.equals("text"));
	}

}
