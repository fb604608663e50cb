package org.newsradar.ingest;

import org.apache.kafka.clients.admin.NewTopic;
import org.newsradar.events.Topics;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/**
 * The topic this service owns. How records are written is the shared convention of
 * {@code newsradar-kafka}.
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

}
