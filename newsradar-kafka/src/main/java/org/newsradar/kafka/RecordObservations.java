package org.newsradar.kafka;

import java.util.List;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * One observation (a span, when tracing is on) per record of a batch, continuing the
 * trace whose context the record carries in its headers ({@code traceparent}). Spring
 * Kafka observes record listeners by itself, not batch listeners: a batch listener opens
 * a record's scope ({@link Observation#openScope()}) around the work done for that
 * record, so that its log lines carry the record's trace id and what it publishes carries
 * the trace on.
 */
public class RecordObservations {

	private final ObservationRegistry registry;

	private final String listenerId;

	RecordObservations(ObservationRegistry registry, String listenerId) {
		this.registry = registry;
		this.listenerId = listenerId;
	}

	/**
	 * Starts one observation per record, in the batch's order.
	 * @param records a batch
	 * @return started observations; {@link #stop(List)} them when the batch is done
	 */
	public List<Observation> start(List<? extends ConsumerRecord<?, ?>> records) {
		return records.stream()
			.map((record) -> KafkaListenerObservation.LISTENER_OBSERVATION
				.observation(null, KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
						() -> new KafkaRecordReceiverContext(record, this.listenerId, () -> null), this.registry)
				.start())
			.toList();
	}

	public static void stop(List<Observation> observations) {
		observations.forEach(Observation::stop);
	}

}
