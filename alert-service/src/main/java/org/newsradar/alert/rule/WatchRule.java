package org.newsradar.alert.rule;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A saved watch rule. Every field but {@code name} is optional; the given ones must all
 * hold, and a list holds when any of its values does.
 *
 * @param id the rule id
 * @param name what the analyst calls it
 * @param query Lucene query syntax over title and body
 * @param countries ISO 3166-1 alpha-2 codes
 * @param topics taxonomy ids
 * @param languages ISO 639-1 codes
 * @param sources outlets
 * @param statementBy countries that made the statement
 * @param persons canonical names
 * @param channels where alerts go besides the {@code alerts} topic
 * @param digest ISO-8601 period to group alerts by, or {@code null} for realtime
 * @param paused whether the analyst paused the rule: a paused rule is kept but raises
 * nothing until it is resumed (absent: not paused)
 */
public record WatchRule(String id, String name, String query, List<String> countries, List<String> topics,
		List<String> languages, List<String> sources, List<String> statementBy, List<String> persons,
		List<Channel> channels, String digest, Boolean paused) {

	public WatchRule {
		paused = Boolean.TRUE.equals(paused);
		countries = orEmpty(countries);
		topics = orEmpty(topics);
		languages = orEmpty(languages);
		sources = orEmpty(sources);
		statementBy = orEmpty(statementBy);
		persons = orEmpty(persons);
		channels = orEmpty(channels);
	}

	/** A rule that is not paused. */
	public WatchRule(String id, String name, String query, List<String> countries, List<String> topics,
			List<String> languages, List<String> sources, List<String> statementBy, List<String> persons,
			List<Channel> channels, String digest) {
		this(id, name, query, countries, topics, languages, sources, statementBy, persons, channels, digest, false);
	}

	/** The prefix of Standard Webhooks secrets; the rest is the key in base64. */
	public static final String SECRET_PREFIX = "whsec_";

	private static final SecureRandom random = new SecureRandom();

	public WatchRule withId(String id) {
		return new WatchRule(id, this.name, this.query, this.countries, this.topics, this.languages, this.sources,
				this.statementBy, this.persons, this.channels, this.digest, this.paused);
	}

	/** The same rule, paused or resumed. */
	public WatchRule withPaused(boolean paused) {
		return new WatchRule(this.id, this.name, this.query, this.countries, this.topics, this.languages, this.sources,
				this.statementBy, this.persons, this.channels, this.digest, paused);
	}

	/**
	 * The rule as stored: country codes in upper case, language codes and topic ids in
	 * lower case, surrounding blanks removed, a signing secret for every webhook that has
	 * none, and no secret hint (that is for showing).
	 */
	WatchRule normalized() {
		List<Channel> withSecrets = this.channels.stream()
			.map((channel) -> (channel == null) ? null
					: new Channel(channel.type(), channel.url(),
							("webhook".equals(channel.type()) && channel.secret() == null) ? newSecret()
									: channel.secret(),
							channel.to()))
			.toList();
		return new WatchRule(this.id, strip(this.name), strip(this.query), cased(this.countries, true),
				cased(this.topics, false), cased(this.languages, false), stripped(this.sources),
				cased(this.statementBy, true), stripped(this.persons), withSecrets, strip(this.digest), this.paused);
	}

	private static String newSecret() {
		byte[] key = new byte[32];
		random.nextBytes(key);
		return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
	}

	private static String strip(String value) {
		return (value != null) ? value.strip() : null;
	}

	private static List<String> stripped(List<String> values) {
		return values.stream().map(WatchRule::strip).toList();
	}

	private static List<String> cased(List<String> values, boolean upper) {
		return values.stream()
			.map((value) -> (value == null) ? null
					: upper ? value.strip().toUpperCase(Locale.ROOT) : value.strip().toLowerCase(Locale.ROOT))
			.toList();
	}

	/**
	 * @return the digest period, or empty for a realtime rule
	 * @throws java.time.format.DateTimeParseException when {@code digest} is neither an
	 * ISO-8601 duration ({@code PT1H}) nor a period of days or weeks ({@code P1D})
	 */
	public Optional<Duration> digestPeriod() {
		if (this.digest == null) {
			return Optional.empty();
		}
		if (this.digest.contains("T")) {
			return Optional.of(Duration.parse(this.digest));
		}
		Period period = Period.parse(this.digest);
		if (period.getMonths() != 0 || period.getYears() != 0) {
			throw new DateTimeParseException("months and years have no fixed length", this.digest, 0);
		}
		return Optional.of(Duration.ofDays(period.getDays()));
	}

	private static <T> List<T> orEmpty(List<T> values) {
		return (values != null) ? Collections.unmodifiableList(new ArrayList<>(values)) : List.of();
	}

	/**
	 * The rule with each webhook that comes without a secret given the secret the same
	 * webhook address has in another version of the rule: replacing a rule (whose secrets
	 * the API never shows) keeps its receivers' secrets.
	 * @param previous the version stored before, or {@code null}
	 * @return the rule with those secrets
	 */
	WatchRule withSecretsOf(WatchRule previous) {
		if (previous == null) {
			return this;
		}
		List<Channel> kept = this.channels.stream().map((channel) -> {
			if (channel == null || !"webhook".equals(channel.type()) || channel.secret() != null) {
				return channel;
			}
			return previous.channels.stream()
				.filter((old) -> old != null && "webhook".equals(old.type())
						&& Objects.equals(old.url(), channel.url()))
				.findFirst()
				.map((old) -> new Channel(channel.type(), channel.url(), old.secret(), channel.to()))
				.orElse(channel);
		}).toList();
		return withChannels(kept);
	}

	/**
	 * The rule as the API shows it once saved: a webhook secret made for this request
	 * (the one time it is shown), every other one only as a hint.
	 * @param sent the rule as sent, before its missing secrets were made
	 * @return the rule to answer with
	 */
	WatchRule shownAfterSaving(WatchRule sent) {
		List<Channel> shown = new ArrayList<>();
		for (int i = 0; i < this.channels.size(); i++) {
			Channel channel = this.channels.get(i);
			boolean made = i < sent.channels.size() && sent.channels.get(i) != null
					&& sent.channels.get(i).secret() == null;
			shown.add((channel == null || made) ? withHint(channel, channel.secret()) : withHint(channel, null));
		}
		return withChannels(shown);
	}

	/** The rule as the API shows it: webhook secrets only as a hint. */
	public WatchRule shown() {
		return withChannels(this.channels.stream().map((channel) -> withHint(channel, null)).toList());
	}

	private WatchRule withChannels(List<Channel> channels) {
		return new WatchRule(this.id, this.name, this.query, this.countries, this.topics, this.languages, this.sources,
				this.statementBy, this.persons, channels, this.digest, this.paused);
	}

	private static Channel withHint(Channel channel, String secret) {
		if (channel == null || channel.secret() == null) {
			return channel;
		}
		String hint = "..." + channel.secret().substring(Math.max(0, channel.secret().length() - 4));
		return new Channel(channel.type(), channel.url(), secret, channel.to(), hint);
	}

	/**
	 * A delivery channel.
	 *
	 * @param type {@code webhook} or {@code email}
	 * @param url the webhook address
	 * @param secret the webhook signing secret: write-only, the API shows it once, in the
	 * answer to the request that made it
	 * @param to the email address
	 * @param secretHint what the API shows of the secret: its last four characters
	 */
	public record Channel(String type, String url, String secret, String to, String secretHint) {

		public Channel(String type, String url, String secret, String to) {
			this(type, url, secret, to, null);
		}

	}

}
