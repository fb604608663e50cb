package org.newsradar.alert.rule;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.newsradar.alert.AlertProperties;
import org.newsradar.alert.matching.RulePreview;

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
 * read, replace and delete watch rules, and try one out first
 * ({@code POST /api/rules/preview}).
 */
@RestController
@RequestMapping("/api/rules")
class RuleController {

	private static final String ID = "[A-Za-z0-9._-]{1,100}";

	private final RuleStore store;

	private final RuleValidator validator;

	private final RulePreview preview;

	private final AlertProperties properties;

	RuleController(RuleStore store, RuleValidator validator, RulePreview preview, AlertProperties properties) {
		this.store = store;
		this.validator = validator;
		this.preview = preview;
		this.properties = properties;
	}

	@GetMapping
	List<WatchRule> list() {
		return this.store.sorted();
	}

	@GetMapping("/{id}")
	ResponseEntity<WatchRule> get(@PathVariable String id) {
		return ResponseEntity.of(this.store.findCurrent(id));
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
		WatchRule stored = store(rule.withId(UUID.randomUUID().toString()));
		return ResponseEntity.created(URI.create("/api/rules/" + stored.id())).body(stored);
	}

	/** Creates the rule under this id, or replaces the one there. */
	@PutMapping("/{id}")
	ResponseEntity<WatchRule> put(@PathVariable String id, @RequestBody WatchRule rule) {
		if (!id.matches(ID)) {
			throw new InvalidRuleException(List.of(new RuleValidator.FieldError("id",
					"'" + id + "' must be 1 to 100 letters, digits, dots, dashes or underscores")));
		}
		boolean existed = this.store.findCurrent(id).isPresent();
		WatchRule stored = store(rule.withId(id));
		return existed ? ResponseEntity.ok(stored)
				: ResponseEntity.created(URI.create("/api/rules/" + stored.id())).body(stored);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		return this.store.delete(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

	private WatchRule store(WatchRule rule) {
		WatchRule checked = this.validator.check(rule);
		this.store.save(checked);
		return checked;
	}

}
