package org.newsradar.alert.rule;

import org.newsradar.events.Topics;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code rules} in the health endpoint and the readiness probe: out of service until this
 * instance has read {@code watch-rules} to the end it had at start, since until then it
 * matches no article.
 */
@Component
class RulesHealthIndicator extends AbstractHealthIndicator {

	private final RuleStore store;

	RulesHealthIndicator(RuleStore store) {
		super("Rules health check failed");
		this.store = store;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		if (this.store.isLoaded()) {
			builder.up().withDetail("rules", this.store.all().size());
		}
		else {
			long left = this.store.loading();
			builder.outOfService()
				.withDetail("loading", Topics.WATCH_RULES)
				.withDetail("records_to_go", (left < 0) ? "unknown: Kafka not reached yet" : left);
		}
	}

}
