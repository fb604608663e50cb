package org.newsradar.alert.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsradar.alert.AlertProperties;
import org.newsradar.alert.rule.WatchRule;
import tools.jackson.databind.node.JsonNodeFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a delivery is made of, without a broker or a node: its signature, its retry
 * schedule, its states up to the dead letter, and the digest periods.
 */
class DeliveryTest {

	private static final Instant NOW = Instant.parse("2026-12-01T10:15:30Z");

	@Test
	void theSignatureIsTheStandardWebhooksOneOfItsExample() {
		// The example of the Standard Webhooks specification, checked with Python's hmac.
		String signature = WebhookSender.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
				"1614265330", "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8));

		assertThat(signature).isEqualTo("g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
		assertThat(WebhookSender.sign("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek",
				"1614265331", "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8)))
			.as("another timestamp signs differently")
			.isNotEqualTo(signature);
	}

	@Test
	void theWaitDoublesAfterEachFailureUpToTheLongest() {
		AlertProperties.Delivery delivery = new AlertProperties.Delivery(Duration.ofSeconds(10), Duration.ofSeconds(1),
				Duration.ofMinutes(10), 12, Duration.ofMillis(500), 4, "NewsRadar <newsradar@localhost>");

		assertThat(List.of(1, 2, 3, 4, 10, 11, 12, 64).stream().map(delivery::backoff)).containsExactly(
				Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
				Duration.ofSeconds(512), Duration.ofMinutes(10), Duration.ofMinutes(10), Duration.ofMinutes(10));
	}

	@Test
	void aQueuedDeliveryKeepsItsChannelWithoutTheSecret() {
		Delivery queued = queued();

		assertThat(queued.status()).isEqualTo(Delivery.PENDING);
		assertThat(queued.attempts()).isZero();
		assertThat(queued.channel().secret()).isNull();
		assertThat(queued.channel().url()).isEqualTo("https://hooks.example.com:8443/in");
		assertThat(queued.nextAttemptAt()).isEqualTo(NOW);
		assertThat(queued.leaseUntil()).isEqualTo(NOW.plusSeconds(30));
		assertThat(queued.destination()).isEqualTo("hooks.example.com:8443");
	}

	@Test
	void aFailureWithANextAttemptStaysPendingAndOneWithoutIsDead() {
		Delivery retried = queued().failed("HTTP 503", NOW.plusSeconds(2), NOW);
		assertThat(retried.status()).isEqualTo(Delivery.PENDING);
		assertThat(retried.attempts()).isEqualTo(1);
		assertThat(retried.nextAttemptAt()).isEqualTo(NOW.plusSeconds(2));
		assertThat(retried.lastError()).isEqualTo("HTTP 503");

		Delivery dead = retried.failed("HTTP 410", null, NOW.plusSeconds(2));
		assertThat(dead.status()).isEqualTo(Delivery.DEAD);
		assertThat(dead.attempts()).isEqualTo(2);
		assertThat(dead.nextAttemptAt()).isNull();

		Delivery redriven = dead.redriven(NOW.plusSeconds(60));
		assertThat(redriven.status()).isEqualTo(Delivery.PENDING);
		assertThat(redriven.attempts()).isZero();
		assertThat(redriven.nextAttemptAt()).isEqualTo(NOW.plusSeconds(60));
		assertThat(redriven.lastError()).as("why it died stays readable").isEqualTo("HTTP 410");

		Delivery delivered = redriven.delivered(NOW.plusSeconds(61));
		assertThat(delivered.status()).isEqualTo(Delivery.DELIVERED);
		assertThat(delivered.attempts()).isEqualTo(1);
		assertThat(delivered.deliveredAt()).isEqualTo(NOW.plusSeconds(61));
		assertThat(delivered.lastError()).isNull();
	}

	@Test
	void aDigestCoversTheLastPeriodThatEndedBeforeTheGrace() {
		Duration grace = Duration.ofSeconds(3);

		assertThat(DigestScheduler.Period.lastEnded(NOW, Duration.ofHours(1), grace))
			.isEqualTo(new DigestScheduler.Period(Instant.parse("2026-12-01T09:00:00Z"),
					Instant.parse("2026-12-01T10:00:00Z")));
		assertThat(DigestScheduler.Period.lastEnded(NOW, Duration.ofDays(1), grace))
			.isEqualTo(new DigestScheduler.Period(Instant.parse("2026-11-30T00:00:00Z"),
					Instant.parse("2026-12-01T00:00:00Z")));
		assertThat(DigestScheduler.Period.lastEnded(Instant.parse("2026-12-01T10:00:02Z"), Duration.ofHours(1), grace))
			.as("within the grace, the period before is still the last one")
			.isEqualTo(new DigestScheduler.Period(Instant.parse("2026-12-01T08:00:00Z"),
					Instant.parse("2026-12-01T09:00:00Z")));
		assertThat(DigestScheduler.Period.lastEnded(Instant.parse("2026-12-01T10:00:03Z"), Duration.ofHours(1), grace)
			.end()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
	}

	private static Delivery queued() {
		return Delivery.queued("d1", "r1", "rule", "alert", List.of("a1"),
				new WatchRule.Channel("webhook", "https://hooks.example.com:8443/in", "whsec_c2VjcmV0", null),
				JsonNodeFactory.instance.objectNode().put("id", "a1"), NOW, Duration.ofSeconds(30));
	}

}
