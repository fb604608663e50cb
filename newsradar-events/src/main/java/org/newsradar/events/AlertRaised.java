package org.newsradar.events;

import java.time.Instant;
import java.util.List;

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
 * @param snippet a short passage of the article
 * @param language its language
 * @param countries its countries
 * @param topics its topics
 * @param statement the statement it reports, or {@code null}
 * @param publishedAt when it was published, or {@code null}
 * @param matchedAt when the rule matched
 */
public record AlertRaised(String alertId, String ruleId, String ruleName, String storyId, String articleId,
		String title, String url, String snippet, String language, List<String> countries, List<String> topics,
		ArticleEnriched.Statement statement, Instant publishedAt, Instant matchedAt) {

}
