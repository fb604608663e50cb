package org.newsradar.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.newsradar.events.CloudEvents;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Publishes events with CloudEvents binary-mode headers ({@code ce_id}, {@code ce_type},
 * {@code ce_source}, {@code ce_specversion}, {@code ce_time}, {@code content-type}).
 */
public class EventPublisher {

	private final KafkaTemplate<String, Object> kafka;

	private final String source;

	private final Duration ackTimeout;

	EventPublisher(KafkaTemplate<String, Object> kafka, String source, Duration ackTimeout) {
		this.kafka = kafka;
		this.source = source;
		this.ackTimeout = ackTimeout;
	}

	/**
	 * How long a service waits for Kafka to acknowledge what it wrote before it gives up
	 * (and the request, batch or save fails, to be retried):
	 * {@code newsradar.kafka.ack-timeout}, 30 s by default.
	 */
	public Duration ackTimeout() {
		return this.ackTimeout;
	}

	/**
	 * Waits until every send was acknowledged, at most {@link #ackTimeout()}.
	 * @throws IllegalStateException when one failed or the time passed
	 */
	public void awaitAcknowledged(Collection<? extends CompletableFuture<?>> sends) {
		awaitAll(sends, this.ackTimeout);
	}

	/**
	 * Sends one event.
	 * @param topic where to
	 * @param key the record key
	 * @param event the record value, written as JSON
	 * @param type the CloudEvents type
	 * @param time when the event happened
	 * @param extraHeaders further headers, may be empty
	 * @return completes when the broker acknowledged the record
	 */
	public CompletableFuture<SendResult<String, Object>> publish(String topic, String key, Object event, String type,
			Instant time, Map<String, String> extraHeaders) {
		ProducerRecord<String, Object> record = new ProducerRecord<>(topic, key, event);
		Headers headers = record.headers();
		headers.add(CloudEvents.ID, bytes(UUID.randomUUID().toString()));
		headers.add(CloudEvents.TYPE, bytes(type));
		headers.add(CloudEvents.SOURCE, bytes(this.source));
		headers.add(CloudEvents.SPEC_VERSION, bytes(CloudEvents.SPEC_VERSION_1_0));
		headers.add(CloudEvents.TIME, bytes(DateTimeFormatter.ISO_INSTANT.format(time)));
		headers.add(CloudEvents.CONTENT_TYPE, bytes(CloudEvents.JSON));
		extraHeaders.forEach((name, value) -> headers.add(name, bytes(value)));
		return this.kafka.send(record);
	}

	public CompletableFuture<SendResult<String, Object>> publish(String topic, String key, Object event, String type,
			Instant time) {
		return publish(topic, key, event, type, time, Map.of());
	}

	/**
	 * Waits until every send was acknowledged.
	 * @throws IllegalStateException when one failed or {@code timeout} passed
	 */
	public static void awaitAll(Collection<? extends CompletableFuture<?>> sends, Duration timeout) {
		try {
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
				.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new IllegalStateException("Kafka did not acknowledge: " + cause.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for Kafka", ex);
		}
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
