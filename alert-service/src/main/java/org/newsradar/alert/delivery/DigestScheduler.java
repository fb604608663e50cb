package org.newsradar.alert.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.newsradar.alert.AlertProperties;
import org.newsradar.alert.rule.RuleStore;
import org.newsradar.alert.rule.WatchRule;
import org.newsradar.events.AlertRaised;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Cuts digests. Periods are aligned to the epoch in UTC ({@code PT1H} runs from one full
 * hour to the next, {@code P1D} from midnight to midnight). A little after a period ends
 * (the grace), the rule's alerts raised in it are read back from the {@code alerts} index
 * and queued as one delivery per channel. The delivery id is derived from rule and
 * period, so an instance that restarts, or a second instance, cuts the same digest into
 * the same delivery and nothing is sent twice. A period without alerts sends nothing.
 */
@Component
class DigestScheduler {

	private static final Logger logger = LoggerFactory.getLogger(DigestScheduler.class);

	private static final int MAX_ALERTS = 1000;

	private final RuleStore rules;

	private final RaisedAlerts alerts;

	private final Deliveries deliveries;

	private final Duration grace;

	/** For each rule, the digest and period it was last cut for: one entry per rule. */
	private final Map<String, String> lastCut = new ConcurrentHashMap<>();

	private final Clock clock;

	DigestScheduler(RuleStore rules, RaisedAlerts alerts, Deliveries deliveries, AlertProperties properties,
			Clock clock) {
		this.rules = rules;
		this.alerts = alerts;
		this.deliveries = deliveries;
		this.grace = properties.digest().grace();
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${newsradar.alert.digest.check-interval:1s}")
	void cutEndedPeriods() {
		if (!this.rules.isLoaded()) {
			return;
		}
		Instant now = Instant.now(this.clock);
		for (WatchRule rule : this.rules.all()) {
			if (rule.digest() == null || rule.channels().isEmpty()) {
				continue;
			}
			try {
				Period period = Period.lastEnded(now, rule.digestPeriod().orElseThrow(), this.grace);
				String cutFor = rule.digest() + "@" + period.start();
				if (!cutFor.equals(this.lastCut.get(rule.id()))) {
					cut(rule, period.start(), period.end());
					this.lastCut.put(rule.id(), cutFor);
				}
			}
			catch (Exception ex) {
				logger.warn("Cannot cut the digest of rule {}: {}", rule.id(), ex.getMessage());
			}
		}
	}

	private void cut(WatchRule rule, Instant start, Instant end) throws Exception {
		List<AlertRaised> raised = this.alerts.raisedBetween(rule.id(), start, end, MAX_ALERTS);
		if (raised.isEmpty()) {
			return;
		}
		this.deliveries.queueDigest(rule,
				new Deliveries.Digest(Deliveries.DIGEST, rule.id(), rule.name(), start, end, raised));
		logger.info("Digest of rule {} for {} to {}: {} alerts", rule.id(), start, end, raised.size());
	}

	/**
	 * A digest period, from {@code start} (included) to {@code end} (excluded).
	 *
	 * @param start when it starts
	 * @param end when it ends
	 */
	record Period(Instant start, Instant end) {

		/**
		 * The last period of this length, aligned to the epoch in UTC, that ended at
		 * least {@code grace} before {@code now}.
		 */
		static Period lastEnded(Instant now, Duration length, Duration grace) {
			long millis = length.toMillis();
			Instant end = Instant.ofEpochMilli(Math.floorDiv(now.minus(grace).toEpochMilli(), millis) * millis);
			return new Period(end.minusMillis(millis), end);
		}

	}

}
