package org.newsradar.alert.rule;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rule that cannot be stored, with every reason.
 */
class InvalidRuleException extends RuntimeException {

	private final List<RuleValidator.FieldError> errors;

	InvalidRuleException(List<RuleValidator.FieldError> errors) {
		super(errors.stream().map((error) -> error.field() + " " + error.message()).collect(Collectors.joining("; ")));
		this.errors = errors;
	}

	List<RuleValidator.FieldError> errors() {
		return this.errors;
	}

}
