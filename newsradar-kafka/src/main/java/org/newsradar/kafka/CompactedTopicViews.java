package org.newsradar.kafka;

import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.Deserializer;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Makes {@link CompactedTopicView}s with the service's Kafka connection settings (the
 * same bootstrap servers, TLS and SASL as its listeners).
 */
public class CompactedTopicViews {

	private final KafkaProperties properties;

	private final KafkaAdmin admin;

	CompactedTopicViews(KafkaProperties properties, KafkaAdmin admin) {
		this.properties = properties;
		this.admin = admin;
	}

	/**
	 * A view of one compacted topic; the caller starts and stops it with its own
	 * lifecycle.
	 * @param topic the topic
	 * @param values how values are read (an error-handling deserializer hands over a null
	 * value and the error in a header instead of failing the poll)
	 * @param updates what to do with each batch of records
	 * @param onLoaded run once, on the view's thread, when the view has read the topic to
	 * the end it had at start
	 */
	public <V> CompactedTopicView<V> create(String topic, Deserializer<V> values, CompactedTopicView.Updates<V> updates,
			Runnable onLoaded) {
		Map<String, Object> config = this.properties.buildConsumerProperties();
		config.remove(ConsumerConfig.GROUP_ID_CONFIG);
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		return new CompactedTopicView<>(topic, config, this.admin.getConfigurationProperties(), values, updates,
				onLoaded);
	}

}
