package org.newsradar.alert;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsradar.alert.rule.WatchRule;
import org.newsradar.events.ArticleEnriched;
import org.newsradar.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
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
 * Kafka for alert-service: the topics it owns ({@code watch-rules}, compacted, and
 * {@code alerts}), JSON with the application's mapper, and dead letters for enriched
 * articles that cannot be read.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	NewTopic watchRulesTopic(AlertProperties properties) {
		return TopicBuilder.name(Topics.WATCH_RULES)
			.partitions(properties.topic().partitions())
			.replicas(properties.topic().replicas())
			.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
			.build();
	}

	@Bean
	NewTopic alertsTopic(AlertProperties properties) {
		return TopicBuilder.name(Topics.ALERTS)
			.partitions(properties.topic().partitions())
			.replicas(properties.topic().replicas())
			.build();
	}

	@Bean
	NewTopic articlesEnrichedDeadLetterTopic(AlertProperties properties) {
		return TopicBuilder.name(Topics.deadLetter(Topics.ARTICLES_ENRICHED))
			.partitions(properties.topic().partitions())
			.replicas(properties.topic().replicas())
			.build();
	}

	@Bean
	@SuppressWarnings("unchecked")
	DefaultKafkaConsumerFactoryCustomizer jsonArticles(JsonMapper jsonMapper) {
		return (factory) -> {
			DefaultKafkaConsumerFactory<String, ArticleEnriched> typed = (DefaultKafkaConsumerFactory<String, ArticleEnriched>) factory;
			typed.setKeyDeserializer(new StringDeserializer());
			typed.setValueDeserializer(new ErrorHandlingDeserializer<>(
					new JacksonJsonDeserializer<>(ArticleEnriched.class, jsonMapper, false)));
		};
	}

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

	/**
	 * Rules are read by their own factory: another value type, and every instance reads
	 * them all.
	 */
	@Bean
	ConcurrentKafkaListenerContainerFactory<String, WatchRule> rulesContainerFactory(KafkaProperties properties,
			JsonMapper jsonMapper) {
		ConcurrentKafkaListenerContainerFactory<String, WatchRule> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(properties.buildConsumerProperties(),
				new StringDeserializer(),
				new ErrorHandlingDeserializer<>(new JacksonJsonDeserializer<>(WatchRule.class, jsonMapper, false))));
		return factory;
	}

	@Bean
	CommonErrorHandler errorHandler(KafkaTemplate<String, Object> template) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
		backOff.setMaxInterval(30_000);
		return new DefaultErrorHandler(recoverer, backOff);
	}

}
