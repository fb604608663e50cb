package org.newsradar.alert;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of alert-service, under {@code newsradar.alert}.
 *
 * @param snippetLength longest snippet of article text in an alert
 * @param taxonomy the topic taxonomy rules are checked against
 * @param delivery how alerts are delivered to webhooks and email
 * @param digest how digests are cut
 * @param preview how far a rule preview looks back
 */
@Validated
@ConfigurationProperties("newsradar.alert")
public record AlertProperties(@Min(40) @DefaultValue("240") int snippetLength,
		@DefaultValue("classpath:newsradar/topics.json") Resource taxonomy, @Valid @DefaultValue Delivery delivery,
		@Valid @DefaultValue Digest digest, @Valid @DefaultValue Preview preview) {

	/**
	 * @param timeout longest one attempt may take (connect, send, answer)
	 * @param initialBackoff wait after the first failed attempt, doubled after each
	 * @param maxBackoff longest wait between attempts
	 * @param maxAttempts attempts before a delivery is dead-lettered
	 * @param pollInterval how often due retries are looked for
	 * @param perDestination attempts in flight to one host or mailbox at a time
	 * @param mailFrom the sender of alert emails
	 */
	public record Delivery(@DefaultValue("10s") Duration timeout, @DefaultValue("1s") Duration initialBackoff,
			@DefaultValue("10m") Duration maxBackoff, @Min(1) @DefaultValue("12") int maxAttempts,
			@DefaultValue("500ms") Duration pollInterval, @Min(1) @DefaultValue("4") int perDestination,
			@DefaultValue("NewsRadar <newsradar@localhost>") String mailFrom) {

		/** The wait after the given number of failed attempts. */
		public Duration backoff(int failedAttempts) {
			long millis = this.initialBackoff.toMillis() << Math.min(failedAttempts - 1, 30);
			return Duration.ofMillis(Math.min(Math.max(millis, 0), this.maxBackoff.toMillis()));
		}

	}

	/**
	 * @param grace how long after a period ends its digest is cut, so that alerts of its
	 * last moment are searchable
	 * @param checkInterval how often ended periods are looked for
	 */
	public record Digest(@DefaultValue("3s") Duration grace, @DefaultValue("1s") Duration checkInterval) {

	}

	/**
	 * @param defaultDays how many days back a preview looks when not told
	 * @param maxArticles most articles one preview reads from Elasticsearch
	 */
	public record Preview(@Min(1) @DefaultValue("7") int defaultDays, @Min(1) @DefaultValue("100000") int maxArticles) {

	}

}
