package org.newsradar.kafka;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;

/**
 * Reading NewsRadar events.
 */
public final class KafkaJson {

	private KafkaJson() {
	}

	/**
	 * A value deserializer for one event type that ignores type headers and, when a
	 * record is not valid JSON of that type, hands the listener a null value with the
	 * error in a header instead of failing the poll forever.
	 */
	public static <T> Deserializer<T> deserializer(Class<T> type, JsonMapper jsonMapper) {
		return new ErrorHandlingDeserializer<>(new JacksonJsonDeserializer<>(type, jsonMapper, false));
	}

	/**
	 * Makes the service's default consumers read string keys and {@code type} values with
	 * {@link #deserializer}.
	 */
	@SuppressWarnings("unchecked")
	public static <T> DefaultKafkaConsumerFactoryCustomizer values(Class<T> type, JsonMapper jsonMapper) {
		return (factory) -> {
			DefaultKafkaConsumerFactory<String, T> typed = (DefaultKafkaConsumerFactory<String, T>) factory;
			typed.setKeyDeserializer(new StringDeserializer());
			typed.setValueDeserializer(deserializer(type, jsonMapper));
		};
	}

}
