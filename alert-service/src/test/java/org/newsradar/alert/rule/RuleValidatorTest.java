package org.newsradar.alert.rule;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RuleValidatorTest {

	private final RuleValidator validator = new RuleValidator();

	@Test
	void acceptsTheRuleOfTheDesignDocument() {
		WatchRule rule = new WatchRule(null, "Who reaffirms the one-China principle", "\"one-China\" OR Taiwan",
				List.of("KZ", "UZ"), List.of("one-china"), List.of("en", "fr"), null, List.of("KZ"), null,
				List.of(new WatchRule.Channel("webhook", "https://hooks.example.org/radar", "whsec_x", null)), "PT1H");
		assertThat(this.validator.validate(rule)).isEmpty();
	}

	@Test
	void namesEveryWrongField() {
		WatchRule rule = new WatchRule(null, " ", "title:(unclosed", List.of("XX", "kz"), List.of("One China"),
				List.of("english"), null, List.of("ZZ"), null,
				List.of(new WatchRule.Channel("pigeon", null, null, null)), "hourly");
		assertThat(this.validator.validate(rule)).extracting(RuleValidator.FieldError::field)
			.containsExactly("name", "query", "countries", "countries", "statement_by", "languages", "topics",
					"channels[0].type", "digest");
	}

	@Test
	void refusesALeadingWildcardBecauseItScansEverything() {
		WatchRule rule = new WatchRule(null, "n", "*stan", null, null, null, null, null, null, null, null);
		assertThat(this.validator.validate(rule)).singleElement()
			.satisfies((error) -> assertThat(error.message()).startsWith("cannot be parsed"));
	}

}
