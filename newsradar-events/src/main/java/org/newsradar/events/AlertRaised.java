package org.newsradar.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A watch rule matched a story. Published on {@link Topics#ALERTS} with the rule id as
 * key.
 *
 * @param alertId stable id of the (rule, story) pair, so a redelivery is recognisable
 * @param ruleId the rule that matched
 * @param ruleName its name
 * @param storyId the story the article belongs to
 * @param articleId the article that raised the alert
 * @param title its headline
 * @param url its address, or {@code null}
 * @param snippet a short passage of the article around the first match, the matched words
 * wrapped in {@code <em>}
 * @param language its language
 * @param countries its countries
 * @param topics its topics
 * @param statement the statement it reports, or {@code null}
 * @param publishedAt when it was published, or {@code null}
 * @param matchedAt when the rule matched
 * @param source the outlet, or {@code null}
 * @param match why the rule matched
 */
public record AlertRaised(String alertId, String ruleId, String ruleName, String storyId, String articleId,
		String title, String url, String snippet, String language, List<String> countries, List<String> topics,
		ArticleEnriched.Statement statement, Instant publishedAt, Instant matchedAt, String source, Match match) {

	/**
	 * Why a rule matched an article.
	 *
	 * @param terms the words and phrases of the rule's query found in the article,
	 * lowercased; empty when the rule has no query
	 * @param filters for each filter the rule has (by its rule field, e.g.
	 * {@code countries}), the article's values that satisfied it
	 */
	public record Match(List<String> terms, Map<String, List<String>> filters) {

	}

}
