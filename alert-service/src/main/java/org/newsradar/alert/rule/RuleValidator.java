package org.newsradar.alert.rule;

import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.newsradar.alert.matching.RuleQuery;

import org.springframework.stereotype.Component;

/**
 * Checks a rule before it is stored and says, field by field, what is wrong.
 */
@Component
class RuleValidator {

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private static final Set<String> EXTRA_COUNTRIES = Set.of("XK");

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

	private static final Pattern TOPIC = Pattern.compile("[a-z0-9-]+");

	private static final Set<String> CHANNELS = Set.of("webhook", "email");

	List<FieldError> validate(WatchRule rule) {
		List<FieldError> errors = new ArrayList<>();
		if (rule.name() == null || rule.name().isBlank()) {
			errors.add(new FieldError("name", "is required"));
		}
		if (rule.query() != null) {
			String problem = RuleQuery.problem(rule.query());
			if (problem != null) {
				errors.add(new FieldError("query", problem));
			}
		}
		checkCodes("countries", rule.countries(), errors,
				(code) -> COUNTRIES.contains(code) || EXTRA_COUNTRIES.contains(code), "an ISO 3166-1 alpha-2 code");
		checkCodes("statement_by", rule.statementBy(), errors,
				(code) -> COUNTRIES.contains(code) || EXTRA_COUNTRIES.contains(code), "an ISO 3166-1 alpha-2 code");
		checkCodes("languages", rule.languages(), errors, (code) -> LANGUAGE.matcher(code).matches(),
				"a lowercase ISO 639-1 code");
		checkCodes("topics", rule.topics(), errors, (code) -> TOPIC.matcher(code).matches(), "a topic id");
		for (int i = 0; i < rule.channels().size(); i++) {
			WatchRule.Channel channel = rule.channels().get(i);
			if (channel == null || !CHANNELS.contains(channel.type())) {
				errors.add(new FieldError("channels[" + i + "].type", "must be one of " + CHANNELS));
			}
		}
		if (rule.digest() != null && !isPeriod(rule.digest())) {
			errors.add(new FieldError("digest",
					"'" + rule.digest() + "' is not an ISO-8601 duration such as PT1H or P1D"));
		}
		return errors;
	}

	private static void checkCodes(String field, List<String> codes, List<FieldError> errors,
			java.util.function.Predicate<String> valid, String what) {
		for (String code : codes) {
			if (code == null || !valid.test(code)) {
				errors.add(new FieldError(field, "'" + code + "' is not " + what));
			}
		}
	}

	private static boolean isPeriod(String value) {
		try {
			Duration.parse(value);
			return true;
		}
		catch (DateTimeParseException ex) {
			try {
				Period.parse(value);
				return true;
			}
			catch (DateTimeParseException again) {
				return false;
			}
		}
	}

	/**
	 * @param field the JSON field, snake_case
	 * @param message what is wrong with it
	 */
	record FieldError(String field, String message) {

	}

}
