package org.newsradar.alert.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.newsradar.events.ArticleIds;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/subscriptions}: follow a topic, a country or the statements of a
 * country in one call. It saves an ordinary rule (visible and editable under
 * {@code /api/rules}) whose id follows from what is followed and where it is delivered,
 * so subscribing twice is one subscription.
 */
@RestController
class SubscriptionController {

	private final RuleWriter writer;

	private final TopicCatalog topics;

	SubscriptionController(RuleWriter writer, TopicCatalog topics) {
		this.writer = writer;
		this.topics = topics;
	}

	@PostMapping("/api/subscriptions")
	ResponseEntity<WatchRule> subscribe(@RequestBody Subscription subscription) {
		List<String> given = new ArrayList<>();
		if (subscription.topic() != null) {
			given.add("topic");
		}
		if (subscription.country() != null) {
			given.add("country");
		}
		if (subscription.statementBy() != null) {
			given.add("statement_by");
		}
		if (given.size() != 1) {
			throw new InvalidRuleException(List.of(new RuleValidator.FieldError("topic",
					"give exactly one of topic, country or statement_by (got " + given + ")")));
		}
		return RuleController.answer(this.writer.save(rule(subscription)));
	}

	private WatchRule rule(Subscription subscription) {
		List<WatchRule.Channel> channels = (subscription.channels() != null) ? subscription.channels() : List.of();
		String where = channels.stream()
			.map((channel) -> (channel == null) ? "" : channel.type() + ":" + channel.url() + ":" + channel.to())
			.sorted()
			.toList()
			.toString();
		if (subscription.topic() != null) {
			String topic = subscription.topic().strip().toLowerCase(Locale.ROOT);
			String name = "Topic: " + this.topics.name(topic).orElse(topic);
			return new WatchRule(id("topic", topic, where), named(subscription, name), null, null, List.of(topic), null,
					null, null, null, channels, subscription.digest());
		}
		if (subscription.country() != null) {
			String country = subscription.country().strip().toUpperCase(Locale.ROOT);
			return new WatchRule(id("country", country, where), named(subscription, "Country: " + country), null,
					List.of(country), null, null, null, null, null, channels, subscription.digest());
		}
		String by = subscription.statementBy().strip().toUpperCase(Locale.ROOT);
		return new WatchRule(id("statements", by, where), named(subscription, "Statements by " + by), null, null, null,
				null, null, List.of(by), null, channels, subscription.digest());
	}

	private static String id(String kind, String value, String where) {
		return "sub-" + kind + "-" + value.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-") + "-"
				+ ArticleIds.combine(where).substring(0, 8);
	}

	private static String named(Subscription subscription, String fallback) {
		return (subscription.name() != null && !subscription.name().isBlank()) ? subscription.name() : fallback;
	}

	/**
	 * What to follow (exactly one of {@code topic}, {@code country},
	 * {@code statement_by}) and where to deliver it.
	 *
	 * @param topic a topic id
	 * @param country an ISO 3166-1 alpha-2 code
	 * @param statementBy an ISO code of a country whose statements to follow
	 * @param channels webhooks and email addresses
	 * @param digest an ISO-8601 period to group by, or {@code null} for realtime
	 * @param name the rule's name, when the default does not suit
	 */
	record Subscription(String topic, String country, String statementBy, List<WatchRule.Channel> channels,
			String digest, String name) {

	}

}
