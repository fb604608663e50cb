package org.newsradar.kafka;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.hibernate.validator.constraints.time.DurationMin;

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
 * @param compactedSegment how long a compacted topic writes into one segment: Kafka
 * compacts only segments it has closed, and closes one only when it reaches 1 GB or this
 * age, so without it a topic of small records (the rules, the feeds) kept every version
 * ever written and each instance read them all at every start
 */
@Validated
@ConfigurationProperties("newsradar.kafka.topic")
public record TopicDefaults(@Min(1) @DefaultValue("3") int partitions, @Min(1) @DefaultValue("1") short replicas,
		@DurationMin(millis = 1) @DefaultValue("1h") Duration compactedSegment) {

	/** A topic this service owns. */
	public NewTopic create(String name) {
		return TopicBuilder.name(name).partitions(this.partitions).replicas(this.replicas).build();
	}

	/**
	 * A compacted topic: the latest value per key is kept, a null value deletes it (the
	 * deletion itself is kept a day, Kafka's default, so that a reader that was away sees
	 * it). Services set {@code spring.kafka.admin.modify-topic-configs}, so a topic
	 * created before with other settings is brought to these at start.
	 */
	public NewTopic compacted(String name) {
		return TopicBuilder.name(name)
			.partitions(this.partitions)
			.replicas(this.replicas)
			.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT)
			.config(TopicConfig.SEGMENT_MS_CONFIG, Long.toString(this.compactedSegment.toMillis()))
			.build();
	}

}
