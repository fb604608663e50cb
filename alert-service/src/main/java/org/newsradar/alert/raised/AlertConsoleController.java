package org.newsradar.alert.raised;

import java.io.IOException;
import java.util.List;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
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

	AlertConsoleController(AlertStore store, AlertStream stream) {
		this.store = store;
		this.stream = stream;
	}

	@GetMapping("/")
	String alerts(Model model) throws IOException {
		model.addAttribute("alerts", this.store.search(Query.of((query) -> query.matchAll((all) -> all)), 0, PAGE));
		return "alerts";
	}

	@GetMapping(path = "/alerts/stream", produces = "text/event-stream")
	SseEmitter follow() throws IOException {
		return this.stream.subscribe(List.of());
	}

}
