package org.newsradar.alert.raised;

import java.io.IOException;
import java.util.List;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.newsradar.alert.delivery.DeliveryStates;
import org.newsradar.operations.Pages;
import org.newsradar.operations.Pages.Page;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The console's home page: the newest alerts, one row per story and rule with every
 * article attached to it, why it matched, and new alerts as they are raised (server-sent
 * events from {@code /alerts/stream}, behind the console's sign-in).
 */
@Controller
class AlertConsoleController {

	static final int PAGE = 50;

	private final AlertStore store;

	private final AlertStream stream;

	private final DeliveryStates deliveries;

	AlertConsoleController(AlertStore store, AlertStream stream, DeliveryStates deliveries) {
		this.store = store;
		this.stream = stream;
		this.deliveries = deliveries;
	}

	/**
	 * The newest alerts, or with a cursor the next older page (where new alerts do not
	 * appear live).
	 */
	@GetMapping("/")
	String alerts(@RequestParam(required = false) String cursor, Model model) throws IOException {
		Page<AlertDocument> page = this.store.page(Query.of((query) -> query.matchAll((all) -> all)), 0, cursor, PAGE);
		List<AlertDocument> alerts = page.items();
		model.addAttribute("alerts", alerts);
		model.addAttribute("total", page.total());
		model.addAttribute("older", (page.next() != null) ? Pages.cursor(page.next()) : null);
		model.addAttribute("live", cursor == null);
		model.addAttribute("unread", alerts.stream().filter((alert) -> alert.readAt() == null).count());
		model.addAttribute("deliveries",
				this.deliveries.of(alerts.stream().map((alert) -> alert.alert().alertId()).toList()));
		return "alerts";
	}

	@PostMapping("/alerts/{id}/read")
	String read(@PathVariable String id) throws IOException {
		return markOne(id, true);
	}

	@PostMapping("/alerts/{id}/unread")
	String unread(@PathVariable String id) throws IOException {
		return markOne(id, false);
	}

	/** Marks the alerts the page showed read: those the form lists, not newer ones. */
	@PostMapping("/alerts/read")
	String readAll(@RequestParam(name = "id", required = false) List<String> ids) throws IOException {
		this.store.markRead((ids != null) ? ids : List.of(), true);
		return "redirect:/";
	}

	private String markOne(String id, boolean read) throws IOException {
		this.store.markRead(id, read);
		return "redirect:/";
	}

	@GetMapping(path = "/alerts/stream", produces = "text/event-stream")
	SseEmitter follow() throws IOException {
		return this.stream.subscribe(List.of());
	}

}
