package org.newsradar.alert.delivery;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.newsradar.alert.rule.WatchRule;
import tools.jackson.databind.JsonNode;

/**
 * One message to one channel: an alert of a realtime rule, or the digest of a rule's
 * period. Kept in the {@code alert-deliveries} index with its retry state, so retries
 * survive a restart and every instance can take over. The id is the {@code webhook-id}:
 * the same on every attempt. The channel is kept without its secret, which stays in the
 * rule.
 *
 * @param deliveryId stable id, derived from the alert (or rule and period) and channel
 * @param ruleId the rule
 * @param ruleName its name
 * @param kind {@code alert} or {@code digest}
 * @param alertIds the alerts it carries
 * @param channel where it goes, without secret
 * @param payload the JSON body
 * @param status {@code pending}, {@code delivered} or {@code dead}
 * @param attempts attempts made
 * @param createdAt when it was queued
 * @param nextAttemptAt when it is due
 * @param leaseUntil until when an instance is attempting it
 * @param deliveredAt when the receiver accepted it
 * @param lastError why the last attempt failed
 */
public record Delivery(String deliveryId, String ruleId, String ruleName, String kind, List<String> alertIds,
		WatchRule.Channel channel, JsonNode payload, String status, int attempts, Instant createdAt,
		Instant nextAttemptAt, Instant leaseUntil, Instant deliveredAt, String lastError) {

	static final String PENDING = "pending";

	static final String DELIVERED = "delivered";

	static final String DEAD = "dead";

	static Delivery queued(String deliveryId, String ruleId, String ruleName, String kind, List<String> alertIds,
			WatchRule.Channel channel, JsonNode payload, Instant now, Duration lease) {
		return new Delivery(deliveryId, ruleId, ruleName, kind, alertIds,
				new WatchRule.Channel(channel.type(), channel.url(), null, channel.to()), payload, PENDING, 0, now, now,
				now.plus(lease), null, null);
	}

	Delivery leased(Instant until) {
		return new Delivery(this.deliveryId, this.ruleId, this.ruleName, this.kind, this.alertIds, this.channel,
				this.payload, this.status, this.attempts, this.createdAt, this.nextAttemptAt, until, this.deliveredAt,
				this.lastError);
	}

	Delivery delivered(Instant now) {
		return new Delivery(this.deliveryId, this.ruleId, this.ruleName, this.kind, this.alertIds, this.channel,
				this.payload, DELIVERED, this.attempts + 1, this.createdAt, null, null, now, null);
	}

	/**
	 * After a failed attempt: due again at {@code nextAttempt}, or dead when that is
	 * null.
	 */
	Delivery failed(String error, Instant nextAttempt, Instant now) {
		return new Delivery(this.deliveryId, this.ruleId, this.ruleName, this.kind, this.alertIds, this.channel,
				this.payload, (nextAttempt != null) ? PENDING : DEAD, this.attempts + 1, this.createdAt, nextAttempt,
				now, null, error);
	}

	/** Back to pending with a fresh count, when someone asks for a dead one again. */
	Delivery redriven(Instant now) {
		return new Delivery(this.deliveryId, this.ruleId, this.ruleName, this.kind, this.alertIds, this.channel,
				this.payload, PENDING, 0, this.createdAt, now, now, null, this.lastError);
	}

	/** Where it goes, for per-destination limits: the webhook's host or the mailbox. */
	String destination() {
		if (this.channel.url() != null) {
			return URI.create(this.channel.url()).getAuthority();
		}
		return String.valueOf(this.channel.to());
	}

}
