package org.newsradar.alert.rule;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/subscriptions}: follow a topic, a country or the statements of a
 * country in one call; {@code GET /api/topics}: the topics there are. It saves an
 * ordinary rule (visible and editable under {@code /api/rules}) whose id follows from
 * what is followed and where it is delivered, so subscribing twice is one subscription.
 */
@RestController
class SubscriptionController {

	private final RuleWriter writer;

	private final Subscriptions subscriptions;

	private final TopicCatalog topics;

	SubscriptionController(RuleWriter writer, Subscriptions subscriptions, TopicCatalog topics) {
		this.writer = writer;
		this.subscriptions = subscriptions;
		this.topics = topics;
	}

	/** The topic taxonomy rules and subscriptions may name: each topic's id and name. */
	@GetMapping("/api/topics")
	List<Topic> topics() {
		return this.topics.all()
			.entrySet()
			.stream()
			.map((topic) -> new Topic(topic.getKey(), topic.getValue()))
			.toList();
	}

	/**
	 * A topic of the taxonomy.
	 *
	 * @param id what rules name it by
	 * @param name what analysts read
	 */
	record Topic(String id, String name) {

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
		return RuleController.answer(this.writer.save(this.subscriptions.rule(subscription)));
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
