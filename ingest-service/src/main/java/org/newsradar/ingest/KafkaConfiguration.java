package org.newsradar.ingest;

import org.apache.kafka.clients.admin.NewTopic;
import org.newsradar.events.Topics;
import org.newsradar.kafka.TopicDefaults;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The topics this service owns. How records are written is the shared convention of
 * {@code newsradar-kafka}.
 */
@Configuration(proxyBeanMethods = false)
class KafkaConfiguration {

	@Bean
	NewTopic articlesRawTopic(TopicDefaults topics) {
		return topics.create(Topics.ARTICLES_RAW);
	}

	@Bean
	NewTopic feedsTopic(TopicDefaults topics) {
		return topics.compacted(Topics.FEEDS);
	}

	@Bean
	NewTopic feedStateTopic(TopicDefaults topics) {
		return topics.compacted(Topics.FEED_STATE);
	}

}
