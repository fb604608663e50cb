package org.newsradar.kafka;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class KafkaOutageLogTest {

	private final MovingClock clock = new MovingClock();

	private final AtomicInteger topicChecks = new AtomicInteger();

	private final KafkaOutageLog log = new KafkaOutageLog(new KafkaAdmin(Map.of("bootstrap.servers", "broker:9092")),
			this.clock, () -> this.topicChecks.incrementAndGet() > 1);

	@Test
	void anOutageIsOneLineWhenItStartsOneAMinuteWhileItLastsAndOneWhenItEnds(CapturedOutput output) {
		Exception refused = new RuntimeException(new ConnectException("Connection refused"));
		for (int second = 0; second <= 150; second += 10) {
			this.clock.now = Instant.parse("2026-11-30T10:00:00Z").plusSeconds(second);
			this.log.unreachable(refused);
		}
		this.log.reachable();
		this.log.reachable();

		assertThat(output.getOut().lines().filter((line) -> line.contains("KafkaOutageLog"))).hasSize(4);
		assertThat(output.getOut())
			.containsOnlyOnce("Kafka cannot be reached (broker:9092; readiness is DOWN): java.net.ConnectException")
			.contains("Kafka cannot be reached (broker:9092; readiness is DOWN), for 60 s now: "
					+ "java.net.ConnectException: Connection refused")
			.contains("for 120 s now")
			.containsOnlyOnce("Kafka cannot be reached (broker:9092; readiness is DOWN): over after 150 s");
	}

	@Test
	void missingTopicsAreCreatedOnceKafkaAnswersAndAgainAfterEachOutage() {
		this.log.reachable();
		assertThat(this.topicChecks).as("the first attempt failed: tried again").hasValue(1);
		this.log.reachable();
		this.log.reachable();
		assertThat(this.topicChecks).as("done once it succeeded").hasValue(2);
		this.log.unreachable(new RuntimeException("gone"));
		this.log.reachable();
		this.log.reachable();
		assertThat(this.topicChecks).as("a broker back from an outage may have come back empty").hasValue(3);
	}

	@Test
	void nothingIsSaidWhileKafkaAnswers(CapturedOutput output) {
		this.log.reachable();
		assertThat(output.getOut()).doesNotContain("KafkaOutageLog");
	}

	private static final class MovingClock extends Clock {

		Instant now = Instant.parse("2026-11-30T10:00:00Z");

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

	}

}
