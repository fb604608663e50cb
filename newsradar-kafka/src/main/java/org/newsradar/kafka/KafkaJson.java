package org.newsradar.kafka;

import org.apache.kafka.common.serialization.Deserializer;
import tools.jackson.databind.json.JsonMapper;

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

}
