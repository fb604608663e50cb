package org.newsradar.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.newsradar.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.RetryListener;

/**
 * Makes a listener's failures visible while the error handler retries them: a warning per
 * failed attempt (one every 30 s at most once the backoff has grown, per consumer) and
 * the counter {@code newsradar.kafka.listener.failures} by topic; a record sent to its
 * dead-letter topic is logged as an error and counted in
 * {@code newsradar.kafka.dead.letters}.
 */
class ListenerFailures implements RetryListener {

	private static final Logger logger = LoggerFactory.getLogger(ListenerFailures.class);

	private final MeterRegistry metrics;

	ListenerFailures(MeterRegistry metrics) {
		this.metrics = metrics;
	}

	@Override
	public void failedDelivery(ConsumerRecord<?, ?> record, Exception ex, int deliveryAttempt) {
		failures(record.topic()).increment();
		logger.warn("Record {} failed (attempt {}): {}", KafkaUtils.format(record), deliveryAttempt, cause(ex));
	}

	@Override
	public void failedDelivery(ConsumerRecords<?, ?> records, Exception ex, int deliveryAttempt) {
		if (failedOnARecord(ex)) {
			// The failed record's own attempt is reported next.
			return;
		}
		records.partitions().stream().map((partition) -> partition.topic()).distinct().forEach((topic) -> {
			failures(topic).increment();
			logger.warn("A batch of {} records of {} failed (attempt {}): {}", records.count(), topic, deliveryAttempt,
					cause(ex));
		});
	}

	@Override
	public void recovered(ConsumerRecord<?, ?> record, Exception ex) {
		deadLetters(record.topic()).increment();
		logger.error("Record {} can never be processed and went to {}: {}", KafkaUtils.format(record),
				Topics.deadLetter(record.topic()), cause(ex));
	}

	@Override
	public void recovered(ConsumerRecords<?, ?> records, Exception ex) {
		records.forEach((record) -> recovered(record, ex));
	}

	private Counter failures(String topic) {
		return Counter.builder("newsradar.kafka.listener.failures")
			.description("Failed attempts to process records, each retried with backoff")
			.tag("topic", topic)
			.register(this.metrics);
	}

	private Counter deadLetters(String topic) {
		return Counter.builder("newsradar.kafka.dead.letters")
			.description("Records that can never be processed, sent to the topic's dead-letter topic")
			.tag("topic", topic)
			.register(this.metrics);
	}

	private static boolean failedOnARecord(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof BatchListenerFailedException) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The innermost cause: what went wrong, without the wrapping (whose message may
	 * repeat the whole batch).
	 */
	static String cause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause.getClass().getSimpleName() + ": " + cause.getMessage();
	}

}
