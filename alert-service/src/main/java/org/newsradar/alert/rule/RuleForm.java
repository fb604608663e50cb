package org.newsradar.alert.rule;

import java.util.Arrays;
import java.util.List;

/**
 * A watch rule as the console's form edits it: lists as comma-separated text. Channels
 * are not on the form: an edited rule keeps its own, a new rule may name one webhook.
 *
 * @param id the rule's id, empty for a new rule
 * @param name what the analyst calls it
 * @param query Lucene query syntax over title and body
 * @param countries ISO codes, comma-separated
 * @param topics taxonomy ids, comma-separated
 * @param languages ISO 639-1 codes, comma-separated
 * @param statementBy countries that made a statement, comma-separated
 * @param digest an ISO-8601 period, or empty for each alert at once
 * @param webhook a webhook address for a new rule, or empty
 */
public record RuleForm(String id, String name, String query, String countries, String topics, String languages,
		String statementBy, String digest, String webhook) {

	public RuleForm {
		id = orEmpty(id);
		name = orEmpty(name);
		query = orEmpty(query);
		countries = orEmpty(countries);
		topics = orEmpty(topics);
		languages = orEmpty(languages);
		statementBy = orEmpty(statementBy);
		digest = orEmpty(digest);
		webhook = orEmpty(webhook);
	}

	static RuleForm empty() {
		return new RuleForm("", "", "", "", "", "", "", "", "");
	}

	static RuleForm of(WatchRule rule) {
		return new RuleForm(rule.id(), rule.name(), rule.query(), String.join(", ", rule.countries()),
				String.join(", ", rule.topics()), String.join(", ", rule.languages()),
				String.join(", ", rule.statementBy()), rule.digest(), "");
	}

	/**
	 * The rule this form describes.
	 * @param id its id
	 * @param existing the rule saved under that id, whose channels, sources, persons and
	 * pause it keeps, or {@code null}
	 */
	WatchRule toRule(String id, WatchRule existing) {
		List<WatchRule.Channel> channels = (existing != null) ? existing.channels() : this.webhook.isBlank() ? List.of()
				: List.of(new WatchRule.Channel("webhook", this.webhook.strip(), null, null));
		return new WatchRule(id, this.name, blankToNull(this.query), list(this.countries), list(this.topics),
				list(this.languages), (existing != null) ? existing.sources() : List.of(), list(this.statementBy),
				(existing != null) ? existing.persons() : List.of(), channels, blankToNull(this.digest),
				(existing != null) && existing.paused());
	}

	private static List<String> list(String text) {
		return Arrays.stream(text.split("[,\\s]+")).filter((value) -> !value.isBlank()).toList();
	}

	private static String blankToNull(String text) {
		return text.isBlank() ? null : text;
	}

	private static String orEmpty(String text) {
		return (text != null) ? text : "";
	}

}
