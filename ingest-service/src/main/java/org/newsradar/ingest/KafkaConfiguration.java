package org.newsradar.ingest;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsradar.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;

/**
 * The topic this service owns and how its records are written: JSON with the
 * application's snake_case mapper, and no Java type headers (readers know what a topic
 * carries).
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	NewTopic articlesRawTopic(IngestProperties properties) {
		return TopicBuilder.name(Topics.ARTICLES_RAW)
			.partitions(properties.topic().partitions())
			.replicas(properties.topic().replicas())
			.build();
	}

	@Bean
	@SuppressWarnings("unchecked")
	DefaultKafkaProducerFactoryCustomizer jsonValues(JsonMapper jsonMapper) {
		return (factory) -> {
			JacksonJsonSerializer<Object> serializer = new JacksonJsonSerializer<>(jsonMapper);
			serializer.setAddTypeInfo(false);
			DefaultKafkaProducerFactory<String, Object> typed = (DefaultKafkaProducerFactory<String, Object>) factory;
			typed.setKeySerializer(new StringSerializer());
			typed.setValueSerializer(serializer);
		};
	}

}
