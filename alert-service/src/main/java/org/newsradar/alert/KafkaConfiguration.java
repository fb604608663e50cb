package org.newsradar.alert;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newsradar.events.AlertRaised;
import org.newsradar.events.ArticleEnriched;
import org.newsradar.events.Topics;
import org.newsradar.kafka.KafkaJson;
import org.newsradar.kafka.TopicDefaults;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

/**
 * The topics alert-service owns ({@code watch-rules}, compacted, {@code alerts}, the dead
 * letters of {@code articles.enriched}, and {@code alerts-dlt} for deliveries that failed
 * their last attempt) and the types it reads. Writing, retries and dead letters follow
 * the shared conventions of {@code newsradar-kafka}.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	NewTopic watchRulesTopic(TopicDefaults topics) {
		return topics.compacted(Topics.WATCH_RULES);
	}

	@Bean
	NewTopic alertsTopic(TopicDefaults topics) {
		return topics.create(Topics.ALERTS);
	}

	@Bean
	NewTopic articlesEnrichedDeadLetterTopic(TopicDefaults topics) {
		return topics.create(Topics.deadLetter(Topics.ARTICLES_ENRICHED));
	}

	@Bean
	DefaultKafkaConsumerFactoryCustomizer enrichedArticles(JsonMapper jsonMapper) {
		return KafkaJson.values(ArticleEnriched.class, jsonMapper);
	}

	@Bean
	NewTopic alertsDeadLetterTopic(TopicDefaults topics) {
		return topics.create(Topics.deadLetter(Topics.ALERTS));
	}

	/** The live alert stream reads the {@code alerts} topic. */
	@Bean
	ConcurrentKafkaListenerContainerFactory<String, AlertRaised> alertsContainerFactory(KafkaProperties properties,
			JsonMapper jsonMapper) {
		return factory(AlertRaised.class, properties, jsonMapper);
	}

	private static <T> ConcurrentKafkaListenerContainerFactory<String, T> factory(Class<T> type,
			KafkaProperties properties, JsonMapper jsonMapper) {
		ConcurrentKafkaListenerContainerFactory<String, T> factory = new ConcurrentKafkaListenerContainerFactory<>();
		factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(properties.buildConsumerProperties(),
				new StringDeserializer(), KafkaJson.deserializer(type, jsonMapper)));
		return factory;
	}

}
