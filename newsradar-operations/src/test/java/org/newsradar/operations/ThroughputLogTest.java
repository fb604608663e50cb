package org.newsradar.operations;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ThroughputLogTest {

	private Instant now = Instant.parse("2026-11-30T10:00:00Z");

	private final ThroughputLog log = new ThroughputLog(LoggerFactory.getLogger(ThroughputLogTest.class),
			"Enriched articles", Duration.ofMinutes(1), () -> this.now);

	@Test
	void oneLineAPeriodWithTheCountTheRateAndTheTotal(CapturedOutput output) {
		for (int second = 0; second < 120; second++) {
			this.now = Instant.parse("2026-11-30T10:00:00Z").plusSeconds(second);
			this.log.add(10);
		}
		this.now = Instant.parse("2026-11-30T10:02:00Z");
		this.log.add(10);

		assertThat(output.getOut().lines().filter((line) -> line.contains("Enriched articles"))).satisfiesExactly(
				(first) -> assertThat(first)
					.contains("Enriched articles: 610 in the last 60 s (10.2 a second), 610 since start"),
				(second) -> assertThat(second)
					.contains("Enriched articles: 600 in the last 60 s (10.0 a second), 1210 since start"));
	}

	@Test
	void nothingIsSaidBeforeAPeriodIsOver(CapturedOutput output) {
		this.log.add(5);
		this.now = this.now.plusSeconds(59);
		this.log.add(5);
		assertThat(output.getOut()).doesNotContain("Enriched articles");
	}

}
