package org.newsradar.kafka;

import jakarta.validation.constraints.Min;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.validation.annotation.Validated;

/**
 * How the services create the topics they own, under {@code newsradar.kafka.topic}.
 *
 * @param partitions partitions per topic: the most instances of a consumer that share the
 * work
 * @param replicas replication factor: 1 on one broker, 3 on a production cluster
 */
@Validated
@ConfigurationProperties("newsradar.kafka.topic")
public record TopicDefaults(@Min(1) @DefaultValue("3") int partitions, @Min(1) @DefaultValue("1") short replicas) {

	/** A topic this service owns. */
	public NewTopic create(String name) {
		return TopicBuilder.name(name).partitions(this.partitions).replicas(this.replicas).build();
	}

	/**
	 * A compacted topic: the latest value per key is kept forever, a null value deletes
	 * it.
	 */
	public NewTopic compacted(String name) {
		return TopicBuilder.name(name)
			.partitions(this.partitions)
			.replicas(this.replicas)
			.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
			.build();
	}

}
