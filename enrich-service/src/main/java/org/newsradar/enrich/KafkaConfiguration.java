package org.newsradar.enrich;

import org.apache.kafka.clients.admin.NewTopic;
import org.newsradar.events.ArticleIngested;
import org.newsradar.events.Topics;
import org.newsradar.kafka.KafkaJson;
import org.newsradar.kafka.TopicDefaults;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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
	NewTopic articlesEnrichedTopic(TopicDefaults topics) {
		return topics.create(Topics.ARTICLES_ENRICHED);
	}

	@Bean
	NewTopic articlesRawDeadLetterTopic(TopicDefaults topics) {
		return topics.create(Topics.deadLetter(Topics.ARTICLES_RAW));
	}

	@Bean
	DefaultKafkaConsumerFactoryCustomizer rawArticles(JsonMapper jsonMapper) {
		return KafkaJson.values(ArticleIngested.class, jsonMapper);
	}

}
