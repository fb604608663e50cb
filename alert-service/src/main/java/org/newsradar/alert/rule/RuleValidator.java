package org.newsradar.alert.rule;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.newsradar.operations.OutboundGuard;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Checks a rule before it is stored and says, field by field, what is wrong: a query that
 * does not parse or would be too expensive, unknown topic ids, codes that are not ISO,
 * channels that cannot be delivered to, a digest that is not a period.
 */
@Component
class RuleValidator {

	private static final String CHANNEL_TYPES = "webhook, slack, mattermost, teams or email";

	private static final Set<String> COUNTRIES = countries();

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

	private static final Duration SHORTEST_DIGEST = Duration.ofSeconds(1);

	private final TopicCatalog topics;

	private final ObjectProvider<JavaMailSender> mail;

	private final OutboundGuard outbound;

	RuleValidator(TopicCatalog topics, ObjectProvider<JavaMailSender> mail, OutboundGuard outbound) {
		this.topics = topics;
		this.mail = mail;
		this.outbound = outbound;
	}

	/**
	 * @return the rule as it is stored (see {@link WatchRule#normalized()})
	 * @throws InvalidRuleException with every reason it cannot be
	 */
	WatchRule check(WatchRule rule) {
		WatchRule normalized = rule.normalized();
		List<FieldError> errors = validate(normalized);
		if (!errors.isEmpty()) {
			throw new InvalidRuleException(errors);
		}
		return normalized;
	}

	List<FieldError> validate(WatchRule rule) {
		List<FieldError> errors = new ArrayList<>();
		if (rule.name() == null || rule.name().isBlank()) {
			errors.add(new FieldError("name", "is required"));
		}
		if (rule.query() != null) {
			try {
				RuleQuery.parse(rule.query());
			}
			catch (RuleQuery.InvalidQueryException ex) {
				errors.add(new FieldError("query", ex.getMessage()));
			}
		}
		checkCodes("countries", rule.countries(), errors, COUNTRIES::contains, "an ISO 3166-1 alpha-2 code");
		checkCodes("statement_by", rule.statementBy(), errors, COUNTRIES::contains, "an ISO 3166-1 alpha-2 code");
		checkCodes("languages", rule.languages(), errors, (code) -> LANGUAGE.matcher(code).matches(),
				"an ISO 639-1 code");
		checkCodes("topics", rule.topics(), errors, this.topics::contains,
				"a topic of the taxonomy (" + String.join(", ", this.topics.ids()) + ")");
		checkCodes("sources", rule.sources(), errors, (source) -> !source.isBlank(), "a source name");
		checkCodes("persons", rule.persons(), errors, (person) -> !person.isBlank(), "a person's name");
		for (int i = 0; i < rule.channels().size(); i++) {
			checkChannel("channels[" + i + "]", rule.channels().get(i), errors);
		}
		if (rule.digest() != null) {
			checkDigest(rule, errors);
		}
		return errors;
	}

	private void checkChannel(String field, WatchRule.Channel channel, List<FieldError> errors) {
		if (channel == null || channel.type() == null) {
			errors.add(new FieldError(field + ".type", "is required: " + CHANNEL_TYPES));
			return;
		}
		switch (channel.type()) {
			case "webhook" -> {
				checkUrl(field, channel, errors);
				if (channel.secret() != null && !isWebhookSecret(channel.secret())) {
					errors.add(new FieldError(field + ".secret",
							"must be whsec_ followed by 24 to 64 bytes in base64; leave it out to get one"));
				}
			}
			case "slack", "mattermost", "teams" -> {
				checkUrl(field, channel, errors);
				if (channel.secret() != null) {
					errors.add(new FieldError(field + ".secret", "is for type webhook only: a " + channel.type()
							+ " incoming webhook is not signed (its address is its secret)"));
				}
			}
			case "email" -> {
				if (channel.to() == null || !EMAIL.matcher(channel.to()).matches()) {
					errors.add(new FieldError(field + ".to", "'" + channel.to() + "' is not an email address"));
				}
				if (this.mail.getIfAvailable() == null) {
					errors.add(new FieldError(field + ".type",
							"email is not configured on this alert-service (set spring.mail.host)"));
				}
			}
			default -> errors.add(new FieldError(field + ".type",
					"'" + channel.type() + "' is not a channel type: " + CHANNEL_TYPES));
		}
	}

	private void checkUrl(String field, WatchRule.Channel channel, List<FieldError> errors) {
		if (!isHttpUrl(channel.url())) {
			errors.add(new FieldError(field + ".url", "'" + channel.url() + "' is not an http(s) URL"));
		}
		else {
			this.outbound.refusal(URI.create(channel.url()))
				.ifPresent((refusal) -> errors.add(new FieldError(field + ".url", refusal)));
		}
	}

	private static void checkDigest(WatchRule rule, List<FieldError> errors) {
		try {
			Duration period = rule.digestPeriod().orElseThrow();
			if (period.compareTo(SHORTEST_DIGEST) < 0) {
				errors.add(new FieldError("digest", "'" + rule.digest() + "' is shorter than one second"));
			}
		}
		catch (DateTimeParseException ex) {
			errors.add(new FieldError("digest", "'" + rule.digest()
					+ "' is not an ISO-8601 duration such as PT1H or a number of days such as P1D"));
		}
	}

	private static boolean isHttpUrl(String url) {
		try {
			URI uri = (url != null) ? URI.create(url) : null;
			return uri != null && uri.getHost() != null
					&& ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static boolean isWebhookSecret(String secret) {
		if (!secret.startsWith(WatchRule.SECRET_PREFIX)) {
			return false;
		}
		try {
			int length = Base64.getDecoder().decode(secret.substring(WatchRule.SECRET_PREFIX.length())).length;
			return length >= 24 && length <= 64;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static void checkCodes(String field, List<String> codes, List<FieldError> errors, Predicate<String> valid,
			String what) {
		for (String code : codes) {
			if (code == null || !valid.test(code)) {
				errors.add(new FieldError(field, "'" + code + "' is not " + what));
			}
		}
	}

	private static Set<String> countries() {
		Set<String> codes = new HashSet<>(Set.of(Locale.getISOCountries()));
		codes.add("XK");
		return Set.copyOf(codes);
	}

	/**
	 * @param field the JSON field, snake_case
	 * @param message what is wrong with it
	 */
	record FieldError(String field, String message) {

	}

}
