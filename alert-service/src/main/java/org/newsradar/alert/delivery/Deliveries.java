package org.newsradar.alert.delivery;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.newsradar.alert.rule.RuleStore;
import org.newsradar.alert.rule.WatchRule;
import org.newsradar.events.AlertRaised;
import org.newsradar.events.ArticleIds;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;

/**
 * Queues deliveries: for a realtime rule one per alert and channel, for a digest rule one
 * per period and channel (see {@link DigestScheduler}). A delivery is in the ledger
 * before this returns, and is attempted at once by this instance.
 */
@Service
public class Deliveries {

	static final String ALERT = "alert";

	static final String DIGEST = "digest";

	private final RuleStore rules;

	private final DeliveryLedger ledger;

	private final DeliveryWorker worker;

	private final JsonMapper json;

	private final Clock clock;

	Deliveries(RuleStore rules, DeliveryLedger ledger, DeliveryWorker worker, JsonMapper json, Clock clock) {
		this.clock = clock;
		this.rules = rules;
		this.ledger = ledger;
		this.worker = worker;
		this.json = json;
	}

	/**
	 * Queues the deliveries of newly raised alerts whose rules deliver in realtime.
	 */
	public void queue(List<AlertRaised> alerts) throws IOException {
		Instant now = Instant.now(this.clock);
		List<Delivery> deliveries = new ArrayList<>();
		for (AlertRaised alert : alerts) {
			Optional<WatchRule> rule = this.rules.find(alert.ruleId());
			if (rule.isPresent() && rule.get().digest() == null) {
				List<WatchRule.Channel> channels = rule.get().channels();
				for (int i = 0; i < channels.size(); i++) {
					deliveries.add(Delivery.queued(ArticleIds.combine(alert.alertId(), channelKey(channels.get(i))),
							alert.ruleId(), alert.ruleName(), ALERT, List.of(alert.alertId()), channels.get(i),
							this.json.valueToTree(alert), now, this.worker.lease()));
				}
			}
		}
		this.worker.submit(this.ledger.createAll(deliveries));
	}

	/**
	 * Queues a rule's digest of one period to each of its channels, once however often it
	 * is asked.
	 */
	void queueDigest(WatchRule rule, Digest digest) throws IOException {
		Instant now = Instant.now(this.clock);
		List<Delivery> deliveries = rule.channels()
			.stream()
			.map((channel) -> Delivery.queued(
					ArticleIds.combine(rule.id(), digest.periodStart().toString(), channelKey(channel)), rule.id(),
					rule.name(), DIGEST, digest.alerts().stream().map(AlertRaised::alertId).toList(), channel,
					this.json.valueToTree(digest), now, this.worker.lease()))
			.toList();
		this.worker.submit(this.ledger.createAll(deliveries));
	}

	private static String channelKey(WatchRule.Channel channel) {
		return channel.type() + ":" + ((channel.url() != null) ? channel.url() : channel.to());
	}

	/**
	 * The body of a digest.
	 *
	 * @param type always {@code digest}
	 * @param ruleId the rule
	 * @param ruleName its name
	 * @param periodStart start of the period, inclusive
	 * @param periodEnd its end, exclusive
	 * @param alerts the rule's alerts raised in the period, oldest first
	 */
	record Digest(String type, String ruleId, String ruleName, Instant periodStart, Instant periodEnd,
			List<AlertRaised> alerts) {

	}

}
