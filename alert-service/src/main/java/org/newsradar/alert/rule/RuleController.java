package org.newsradar.alert.rule;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.newsradar.alert.AlertProperties;
import org.newsradar.alert.matching.RulePreview;
import org.newsradar.operations.NotFoundException;
import org.newsradar.operations.Pages;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/rules}: create ({@code POST}, or {@code PUT} with an id of your choosing),
 * read, replace, pause, resume and delete watch rules, and try one out first
 * ({@code POST /api/rules/preview}).
 */
@RestController
@RequestMapping("/api/rules")
class RuleController {

	private final RuleStore store;

	private final RuleValidator validator;

	private final RulePreview preview;

	private final AlertProperties properties;

	private final RuleWriter writer;

	RuleController(RuleStore store, RuleValidator validator, RulePreview preview, AlertProperties properties,
			RuleWriter writer) {
		this.store = store;
		this.validator = validator;
		this.writer = writer;
		this.preview = preview;
		this.properties = properties;
	}

	/**
	 * Every rule by name, or with {@code size} a page of them, the next by
	 * {@code cursor}; {@code X-Total-Count} says how many there are ({@link Pages}).
	 */
	@GetMapping
	ResponseEntity<List<WatchRule>> list(@RequestParam(required = false) String cursor,
			@RequestParam(required = false) Integer size) {
		List<WatchRule> rules = this.store.sorted().stream().map(WatchRule::shown).toList();
		return Pages.respond(Pages.of(rules, (rule) -> rule.name() + "\u0000" + rule.id(), cursor, size));
	}

	@GetMapping("/{id}")
	WatchRule get(@PathVariable String id) {
		return this.store.findCurrent(id).map(WatchRule::shown).orElseThrow(() -> new NotFoundException("rule", id));
	}

	/**
	 * Runs a rule against the articles of the last {@code days} in Elasticsearch without
	 * saving it: the hits (at most {@code size}) and how many per language.
	 */
	@PostMapping("/preview")
	RulePreview.Result preview(@RequestBody WatchRule rule, @RequestParam(required = false) Integer days,
			@RequestParam(defaultValue = "20") int size) throws IOException {
		WatchRule checked = this.validator.check(rule.withId("preview"));
		int lookBack = (days != null) ? days : this.properties.preview().defaultDays();
		if (lookBack < 1 || lookBack > 3650) {
			throw new InvalidRuleException(List.of(new RuleValidator.FieldError("days", "must be 1 to 3650")));
		}
		return this.preview.preview(checked, lookBack, Math.clamp(size, 0, 500));
	}

	@PostMapping
	ResponseEntity<WatchRule> create(@RequestBody WatchRule rule) {
		return answer(this.writer.save(rule.withId(UUID.randomUUID().toString())));
	}

	/**
	 * Saves many rules in one request (an import, a restore): each is checked and saved
	 * on its own, the answer says what became of each.
	 */
	@PostMapping("/bulk")
	RuleWriter.Bulk bulk(@RequestBody List<WatchRule> rules) {
		return this.writer.saveAll(rules);
	}

	/** Creates the rule under this id, or replaces the one there. */
	@PutMapping("/{id}")
	ResponseEntity<WatchRule> put(@PathVariable String id, @RequestBody WatchRule rule) {
		return answer(this.writer.save(rule.withId(id)));
	}

	/** Keeps the rule but raises nothing for it until it is resumed. */
	@PostMapping("/{id}/pause")
	WatchRule pause(@PathVariable String id) {
		return paused(id, true);
	}

	@PostMapping("/{id}/resume")
	WatchRule resume(@PathVariable String id) {
		return paused(id, false);
	}

	private WatchRule paused(String id, boolean paused) {
		WatchRule rule = this.store.findCurrent(id).orElseThrow(() -> new NotFoundException("rule", id));
		return this.writer.save(rule.withPaused(paused)).shown();
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		if (!this.store.delete(id)) {
			throw new NotFoundException("rule", id);
		}
		return ResponseEntity.noContent().build();
	}

	/** 201 with its address for a new rule, 200 for one replaced. */
	static ResponseEntity<WatchRule> answer(RuleWriter.Saved saved) {
		return saved.created()
				? ResponseEntity.created(URI.create("/api/rules/" + saved.shown().id())).body(saved.shown())
				: ResponseEntity.ok(saved.shown());
	}

}
