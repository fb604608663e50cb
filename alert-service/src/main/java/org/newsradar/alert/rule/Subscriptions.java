package org.newsradar.alert.rule;

import java.util.List;
import java.util.Locale;

import org.newsradar.events.ArticleIds;

import org.springframework.stereotype.Component;

/**
 * The rule a one-call subscription stands for: its id made of what it follows and where
 * it delivers (so subscribing twice replaces, not duplicates), and a name an analyst
 * reads ("Topic: Trade", "Statements by CN"). Used by the API and the console.
 */
@Component
class Subscriptions {

	private final TopicCatalog topics;

	Subscriptions(TopicCatalog topics) {
		this.topics = topics;
	}

	WatchRule rule(SubscriptionController.Subscription subscription) {
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

	private static String named(SubscriptionController.Subscription subscription, String fallback) {
		return (subscription.name() != null && !subscription.name().isBlank()) ? subscription.name() : fallback;
	}

}
