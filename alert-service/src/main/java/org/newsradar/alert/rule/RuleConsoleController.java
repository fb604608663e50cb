package org.newsradar.alert.rule;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletResponse;
import org.newsradar.alert.AlertProperties;
import org.newsradar.alert.matching.RulePreview;
import org.newsradar.alert.raised.AlertStore;
import org.newsradar.operations.NotFoundException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's pages of rules: the list with each rule's alerts, a page at a time and
 * found by name or query; a form to create or edit one with a live preview of what it
 * would have caught; pause, resume and delete, each back to the page it was made on. The
 * same checks as the API ({@link RuleWriter}); a form that fails them comes back with
 * every error next to its field.
 */
@Controller
class RuleConsoleController {

	static final int RULES_PER_PAGE = 50;

	private final RuleStore store;

	private final RuleWriter writer;

	private final RuleValidator validator;

	private final RulePreview preview;

	private final AlertStore alerts;

	private final AlertProperties properties;

	private final Subscriptions subscriptions;

	private final TopicCatalog topics;

	RuleConsoleController(RuleStore store, RuleWriter writer, RuleValidator validator, RulePreview preview,
			AlertStore alerts, AlertProperties properties, Subscriptions subscriptions, TopicCatalog topics) {
		this.store = store;
		this.writer = writer;
		this.validator = validator;
		this.preview = preview;
		this.alerts = alerts;
		this.properties = properties;
		this.subscriptions = subscriptions;
		this.topics = topics;
	}

	/**
	 * One page of the rules, sorted by name: those whose name or query holds {@code q}
	 * (any case), {@value #RULES_PER_PAGE} a page. A page past the last shows the last.
	 */
	@GetMapping("/rules")
	String list(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "1") int page, Model model)
			throws IOException {
		String find = q.strip();
		String lower = find.toLowerCase(Locale.ROOT);
		List<WatchRule> found = this.store.sorted().stream().filter((rule) -> holds(rule, lower)).toList();
		int pages = Math.max(1, Math.ceilDiv(found.size(), RULES_PER_PAGE));
		int shown = Math.clamp(page, 1, pages);
		int from = (shown - 1) * RULES_PER_PAGE;
		List<WatchRule> rules = found.subList(from, Math.min(found.size(), from + RULES_PER_PAGE))
			.stream()
			.map(WatchRule::shown)
			.toList();
		model.addAttribute("rules", rules);
		model.addAttribute("q", find);
		model.addAttribute("page", shown);
		model.addAttribute("pages", pages);
		model.addAttribute("total", found.size());
		model.addAttribute("first", from + 1);
		model.addAttribute("activity", this.alerts.activity(rules.stream().map(WatchRule::id).toList()));
		model.addAttribute("topics", this.topics.all());
		return "rules";
	}

	/**
	 * Whether the rule's name or query holds {@code lower}, a lower-case piece of text.
	 */
	private static boolean holds(WatchRule rule, String lower) {
		return rule.name().toLowerCase(Locale.ROOT).contains(lower)
				|| (rule.query() != null && rule.query().toLowerCase(Locale.ROOT).contains(lower));
	}

	/** Back to the page of rules the analyst acted on. */
	private static String backTo(String q, int page, RedirectAttributes redirect) {
		if (!q.isBlank()) {
			redirect.addAttribute("q", q.strip());
		}
		if (page > 1) {
			redirect.addAttribute("page", page);
		}
		return "redirect:/rules";
	}

	/** To the page that holds a rule just saved, among every rule. */
	private String toPageOf(String id, RedirectAttributes redirect) {
		List<WatchRule> sorted = this.store.sorted();
		int at = IntStream.range(0, sorted.size()).filter((i) -> sorted.get(i).id().equals(id)).findFirst().orElse(0);
		return backTo("", at / RULES_PER_PAGE + 1, redirect);
	}

	/**
	 * Follows a topic, a country or a country's statements in one click: the same rule
	 * {@code POST /api/subscriptions} saves, delivered to the alerts page and the stream.
	 */
	@PostMapping("/rules/follow")
	String follow(@RequestParam String kind, @RequestParam(defaultValue = "") String value,
			RedirectAttributes redirect) {
		SubscriptionController.Subscription subscription = switch (kind) {
			case "topic" -> new SubscriptionController.Subscription(value, null, null, null, null, null);
			case "country" -> new SubscriptionController.Subscription(null, value, null, null, null, null);
			default -> new SubscriptionController.Subscription(null, null, value, null, null, null);
		};
		try {
			WatchRule rule = this.writer.save(this.subscriptions.rule(subscription)).shown();
			redirect.addFlashAttribute("notice", "Following \u201c" + rule.name() + "\u201d.");
			return toPageOf(rule.id(), redirect);
		}
		catch (InvalidRuleException ex) {
			redirect.addFlashAttribute("problems", ex.errors());
			return "redirect:/rules";
		}
	}

	@GetMapping("/rules/new")
	String create(Model model) {
		return form(model, RuleForm.empty(), List.of());
	}

	@GetMapping("/rules/{id}")
	String edit(@PathVariable String id, Model model) {
		return form(model, RuleForm.of(current(id)), List.of());
	}

	@PostMapping("/rules")
	String save(@ModelAttribute RuleForm form, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		String id = form.id().isBlank() ? UUID.randomUUID().toString() : form.id();
		WatchRule existing = form.id().isBlank() ? null : current(id);
		try {
			RuleWriter.Saved saved = this.writer.save(form.toRule(id, existing));
			redirect.addFlashAttribute("notice", "Saved rule \u201c" + saved.shown().name() + "\u201d.");
			return toPageOf(id, redirect);
		}
		catch (InvalidRuleException ex) {
			response.setStatus(422);
			return form(model, form, ex.errors());
		}
	}

	@PostMapping("/rules/{id}/pause")
	String pause(@PathVariable String id, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "1") int page, RedirectAttributes redirect) {
		WatchRule rule = this.writer.save(current(id).withPaused(true)).shown();
		redirect.addFlashAttribute("notice",
				"Paused \u201c" + rule.name() + "\u201d: it raises nothing until resumed.");
		return backTo(q, page, redirect);
	}

	@PostMapping("/rules/{id}/resume")
	String resume(@PathVariable String id, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "1") int page, RedirectAttributes redirect) {
		WatchRule rule = this.writer.save(current(id).withPaused(false)).shown();
		redirect.addFlashAttribute("notice", "Resumed \u201c" + rule.name() + "\u201d.");
		return backTo(q, page, redirect);
	}

	@PostMapping("/rules/{id}/delete")
	String delete(@PathVariable String id, @RequestParam(defaultValue = "") String q,
			@RequestParam(defaultValue = "1") int page, RedirectAttributes redirect) {
		WatchRule rule = current(id);
		this.store.delete(id);
		redirect.addFlashAttribute("notice", "Deleted \u201c" + rule.name() + "\u201d.");
		return backTo(q, page, redirect);
	}

	/**
	 * What the rule on the form would have caught in the last {@code days}: a fragment of
	 * the form's page, asked for while the analyst types.
	 */
	@PostMapping("/rules/preview")
	String preview(@ModelAttribute RuleForm form, @RequestParam(required = false) Integer days, Model model,
			HttpServletResponse response) throws IOException {
		int lookBack = Math.clamp((days != null) ? days : this.properties.preview().defaultDays(), 1, 365);
		model.addAttribute("days", lookBack);
		try {
			WatchRule rule = this.validator.check(form.toRule("preview", null));
			RulePreview.Result result = this.preview.preview(rule, lookBack, 50);
			model.addAttribute("result", result);
			model.addAttribute("byDay", byDay(result.hits()));
		}
		catch (InvalidRuleException ex) {
			response.setStatus(422);
			model.addAttribute("previewErrors", ex.errors());
		}
		return "rule-form :: preview";
	}

	private String form(Model model, RuleForm form, List<RuleValidator.FieldError> errors) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("topics", this.topics.all());
		model.addAttribute("days", this.properties.preview().defaultDays());
		return "rule-form";
	}

	private WatchRule current(String id) {
		return this.store.findCurrent(id).orElseThrow(() -> new NotFoundException("rule", id));
	}

	/** The hits shown, by day of publication (UTC), newest first. */
	private static Map<LocalDate, Integer> byDay(List<RulePreview.PreviewHit> hits) {
		Map<LocalDate, Integer> days = new TreeMap<>(Comparator.reverseOrder());
		for (RulePreview.PreviewHit hit : hits) {
			Instant at = hit.publishedAt();
			if (at != null) {
				days.merge(LocalDate.ofInstant(at, ZoneOffset.UTC), 1, Integer::sum);
			}
		}
		return days;
	}

}
