package org.newsradar.enrich;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newsradar.events.ArticleIngested;
import org.newsradar.events.Topics;
import org.newsradar.kafka.KafkaJson;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * The topics enrich-service owns and the type it reads. Writing, retries and dead letters
 * follow the shared conventions of {@code newsradar-kafka}: a raw article that cannot be
 * read or enriched goes to {@code articles.raw-dlt} as it arrived, while failures of
 * Elasticsearch or Kafka are retried without end, because the data is fine and must not
 * be lost.
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
	DefaultKafkaConsumerFactoryCustomizer rawArticles(JsonMapper jsonMapper) {
		return (factory) -> {
			DefaultKafkaConsumerFactory<String, ArticleIngested> typed = (DefaultKafkaConsumerFactory<String, ArticleIngested>) factory;
			typed.setKeyDeserializer(new StringDeserializer());
			typed.setValueDeserializer(KafkaJson.deserializer(ArticleIngested.class, jsonMapper));
		};
	}

}
