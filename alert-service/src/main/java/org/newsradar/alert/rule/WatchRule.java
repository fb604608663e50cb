package org.newsradar.alert.rule;

import java.util.List;

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
 */
public record WatchRule(String id, String name, String query, List<String> countries, List<String> topics,
		List<String> languages, List<String> sources, List<String> statementBy, List<String> persons,
		List<Channel> channels, String digest) {

	public WatchRule {
		countries = orEmpty(countries);
		topics = orEmpty(topics);
		languages = orEmpty(languages);
		sources = orEmpty(sources);
		statementBy = orEmpty(statementBy);
		persons = orEmpty(persons);
		channels = orEmpty(channels);
	}

	WatchRule withId(String id) {
		return new WatchRule(id, this.name, this.query, this.countries, this.topics, this.languages, this.sources,
				this.statementBy, this.persons, this.channels, this.digest);
	}

	private static <T> List<T> orEmpty(List<T> values) {
		return (values != null) ? List.copyOf(values) : List.of();
	}

	/**
	 * A delivery channel.
	 *
	 * @param type {@code webhook} or {@code email}
	 * @param url the webhook address
	 * @param secret the webhook signing secret
	 * @param to the email address
	 */
	public record Channel(String type, String url, String secret, String to) {

	}

}
