package org.newsradar.enrich;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsradar.events.ArticleIngested;
import org.newsradar.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonDeserializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Kafka for enrich-service: JSON in and out with the application's mapper and no type
 * headers; a record that cannot be read or enriched goes to {@code articles.raw-dlt} (as
 * the bytes that arrived) while the partition keeps moving; failures of Elasticsearch or
 * Kafka are retried with exponential backoff, without end, because the data is fine and
 * must not be lost.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	NewTopic articlesEnrichedTopic(EnrichProperties properties) {
		return TopicBuilder.name(Topics.ARTICLES_ENRICHED)
			.partitions(properties.topic().partitions())
			.replicas(properties.topic().replicas())
			.build();
	}

	@Bean
	NewTopic articlesRawDeadLetterTopic(EnrichProperties properties) {
		return TopicBuilder.name(Topics.deadLetter(Topics.ARTICLES_RAW))
			.partitions(properties.topic().partitions())
			.replicas(properties.topic().replicas())
			.build();
	}

	@Bean
	@SuppressWarnings("unchecked")
	DefaultKafkaConsumerFactoryCustomizer jsonArticles(JsonMapper jsonMapper) {
		return (factory) -> {
			DefaultKafkaConsumerFactory<String, ArticleIngested> typed = (DefaultKafkaConsumerFactory<String, ArticleIngested>) factory;
			typed.setKeyDeserializer(new StringDeserializer());
			typed.setValueDeserializer(new ErrorHandlingDeserializer<>(
					new JacksonJsonDeserializer<>(ArticleIngested.class, jsonMapper, false)));
		};
	}

	/** JSON for records, the original bytes for records that could not be read. */
	@Bean
	@SuppressWarnings("unchecked")
	DefaultKafkaProducerFactoryCustomizer jsonOrBytes(JsonMapper jsonMapper) {
		return (factory) -> {
			JacksonJsonSerializer<Object> json = new JacksonJsonSerializer<>(jsonMapper);
			json.setAddTypeInfo(false);
			Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
			byType.put(byte[].class, new ByteArraySerializer());
			byType.put(Object.class, json);
			DefaultKafkaProducerFactory<String, Object> typed = (DefaultKafkaProducerFactory<String, Object>) factory;
			typed.setKeySerializer(new StringSerializer());
			typed.setValueSerializer(new DelegatingByTypeSerializer(byType, true));
		};
	}

	@Bean
	CommonErrorHandler errorHandler(KafkaTemplate<String, Object> template) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
		backOff.setMaxInterval(30_000);
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(PoisonArticleException.class);
		return handler;
	}

}
