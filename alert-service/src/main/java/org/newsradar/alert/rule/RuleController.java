package org.newsradar.alert.rule;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/rules}: create ({@code POST}, or {@code PUT} with an id of your choosing),
 * read, replace and delete watch rules.
 */
@RestController
@RequestMapping("/api/rules")
class RuleController {

	private static final String ID = "[A-Za-z0-9._-]{1,100}";

	private final RuleStore store;

	private final RuleValidator validator;

	RuleController(RuleStore store, RuleValidator validator) {
		this.store = store;
		this.validator = validator;
	}

	@GetMapping
	List<WatchRule> list() {
		return this.store.sorted();
	}

	@GetMapping("/{id}")
	ResponseEntity<WatchRule> get(@PathVariable String id) {
		return ResponseEntity.of(this.store.find(id));
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
		boolean existed = this.store.find(id).isPresent();
		WatchRule stored = store(rule.withId(id));
		return existed ? ResponseEntity.ok(stored)
				: ResponseEntity.created(URI.create("/api/rules/" + stored.id())).body(stored);
	}

	@DeleteMapping("/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		return this.store.delete(id) ? ResponseEntity.noContent().build() : ResponseEntity.notFound().build();
	}

	@ExceptionHandler
	ProblemDetail invalid(InvalidRuleException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid rule");
		problem.setProperty("errors", ex.errors());
		return problem;
	}

	private WatchRule store(WatchRule rule) {
		List<RuleValidator.FieldError> errors = this.validator.validate(rule);
		if (!errors.isEmpty()) {
			throw new InvalidRuleException(errors);
		}
		this.store.save(rule);
		return rule;
	}

}
