package org.newsradar.kafka;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.kafka.listener.BatchListenerFailedException;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ListenerFailuresTest {

	private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

	private final ListenerFailures failures = new ListenerFailures(this.metrics);

	private final ConsumerRecord<String, String> record = new ConsumerRecord<>("articles.raw", 2, 41, "k", "v");

	@Test
	void eachFailedAttemptIsCountedByTopicAndLoggedWithItsInnermostCause(CapturedOutput output) {
		Exception ex = new IllegalStateException("listener failed", new IOException("connection refused"));

		this.failures.failedDelivery(this.record, ex, 1);
		this.failures.failedDelivery(this.record, ex, 2);

		assertThat(count("newsradar.kafka.listener.failures", "articles.raw")).isEqualTo(2);
		assertThat(output).contains("Record articles.raw-2@41 failed (attempt 2): IOException: connection refused");
	}

	@Test
	void aBatchFailureIsCountedOncePerTopicUnlessARecordOfItIsToBlame() {
		ConsumerRecords<String, String> batch = new ConsumerRecords<>(Map.of(new TopicPartition("articles.raw", 0),
				List.of(new ConsumerRecord<>("articles.raw", 0, 1, "a", "1"),
						new ConsumerRecord<>("articles.raw", 0, 2, "b", "2")),
				new TopicPartition("articles.raw", 1), List.of(new ConsumerRecord<>("articles.raw", 1, 7, "c", "3"))),
				Map.of());

		this.failures.failedDelivery(batch, new IOException("Elasticsearch away"), 1);
		assertThat(count("newsradar.kafka.listener.failures", "articles.raw")).isEqualTo(1);

		// The record's own attempt is reported by the error handler next: not twice.
		this.failures.failedDelivery(batch, new RuntimeException(new BatchListenerFailedException("bad", 1)), 2);
		assertThat(count("newsradar.kafka.listener.failures", "articles.raw")).isEqualTo(1);
	}

	@Test
	void aRecordSentToItsDeadLetterTopicIsCountedAndLoggedAsAnError(CapturedOutput output) {
		this.failures.recovered(this.record, new IllegalArgumentException("not an article"));

		assertThat(count("newsradar.kafka.dead.letters", "articles.raw")).isEqualTo(1);
		assertThat(output).contains("ERROR")
			.contains("Record articles.raw-2@41 can never be processed and went to articles.raw-dlt: "
					+ "IllegalArgumentException: not an article");
	}

	private double count(String name, String topic) {
		return Optional.ofNullable(this.metrics.find(name).tag("topic", topic).counter())
			.map((counter) -> counter.count())
			.orElse(0.0);
	}

}
