package org.newsradar.alert.feed;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.newsradar.alert.feed.IngestFeeds.FeedRefusedException;
import org.newsradar.operations.UnavailableException;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's feeds: each with its status, last poll, last error and counts; add one,
 * pause or resume it. The feeds are ingest-service's: when it cannot be reached, the page
 * says so (503) rather than showing an empty list.
 */
@Controller
class FeedConsoleController {

	private final IngestFeeds feeds;

	FeedConsoleController(IngestFeeds feeds) {
		this.feeds = feeds;
	}

	@GetMapping("/feeds")
	String list(Model model, HttpServletResponse response) {
		try {
			model.addAttribute("feeds", this.feeds.list());
		}
		catch (UnavailableException ex) {
			response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
			model.addAttribute("feeds", List.of());
			model.addAttribute("unavailable", ex.getBody().getDetail());
		}
		return "feeds";
	}

	@PostMapping("/feeds")
	String add(@RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String interval, RedirectAttributes redirect) {
		return change(redirect, () -> {
			JsonNode feed = this.feeds.add(url.strip(), name, interval);
			return "Added \u201c" + title(feed) + "\u201d: polled every " + feed.path("interval").asString() + ".";
		});
	}

	@PostMapping("/feeds/{id}/pause")
	String pause(@PathVariable String id, RedirectAttributes redirect) {
		return change(redirect,
				() -> "Paused \u201c" + title(this.feeds.pause(id)) + "\u201d: not polled until resumed.");
	}

	@PostMapping("/feeds/{id}/resume")
	String resume(@PathVariable String id, RedirectAttributes redirect) {
		return change(redirect, () -> "Resumed \u201c" + title(this.feeds.resume(id)) + "\u201d.");
	}

	/** Makes a change and comes back to the list with what became of it. */
	private static String change(RedirectAttributes redirect, Change change) {
		try {
			redirect.addFlashAttribute("notice", change.make());
		}
		catch (FeedRefusedException ex) {
			redirect.addFlashAttribute("problem", "ingest-service refused it: " + ex.getMessage());
		}
		catch (UnavailableException ex) {
			redirect.addFlashAttribute("problem", ex.getBody().getDetail());
		}
		return "redirect:/feeds";
	}

	private static String title(JsonNode feed) {
		return feed.path("name").isString() ? feed.path("name").asString() : feed.path("url").asString();
	}

	@FunctionalInterface
	private interface Change {

		String make();

	}

}
