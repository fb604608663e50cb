package org.newsradar.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsradar.engines.TestEngines;

import org.springframework.kafka.core.KafkaAdmin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * A compacted topic read as a table, against a real broker: its history loads, a write
 * acknowledged before {@code catchUp} is seen when it returns, a failing owner gets the
 * same records again, a topic created late is waited for, and a compacted topic created
 * by an older version is given closing segments and so is compacted.
 */
class CompactedTopicViewIT {

	private final String topic = "view-" + UUID.randomUUID();

	private final Map<String, String> table = new ConcurrentHashMap<>();

	private final AtomicInteger loaded = new AtomicInteger();

	private CompactedTopicView<String> view;

	@AfterEach
	void stop() {
		if (this.view != null) {
			this.view.stop();
		}
	}

	@Test
	void loadsTheHistoryThenAnnouncesItOnce() throws Exception {
		TestEngines.createTopics(3, this.topic);
		try (KafkaProducer<String, String> producer = producer()) {
			for (int i = 0; i < 3000; i++) {
				producer.send(new ProducerRecord<>(this.topic, "key-" + (i % 1000), "value-" + i));
			}
			producer.send(new ProducerRecord<>(this.topic, "key-7", null)).get();
		}
		this.view = view(this::apply);
		assertThat(this.view.isLoaded()).isFalse();
		this.view.start();

		await().atMost(Duration.ofSeconds(30)).until(this.view::isLoaded);
		assertThat(this.loaded).hasValue(1);
		assertThat(this.view.behindAtStart()).isZero();
		assertThat(this.table).hasSize(999).containsEntry("key-8", "value-2008").doesNotContainKey("key-7");
	}

	@Test
	void catchUpReturnsOnlyOnceEveryAcknowledgedWriteIsApplied() throws Exception {
		TestEngines.createTopics(3, this.topic);
		this.view = view(this::apply);
		this.view.start();
		this.view.catchUp(Duration.ofSeconds(30));
		try (KafkaProducer<String, String> producer = producer()) {
			for (int round = 0; round < 20; round++) {
				producer.send(new ProducerRecord<>(this.topic, "round", "value-" + round)).get();
				this.view.catchUp(Duration.ofSeconds(10));
				assertThat(this.table).containsEntry("round", "value-" + round);
			}
		}
	}

	@Test
	void anOwnerThatFailsGetsTheSameRecordsAgain() throws Exception {
		TestEngines.createTopics(1, this.topic);
		AtomicBoolean failed = new AtomicBoolean();
		this.view = view((records) -> {
			if (records.stream().anyMatch((record) -> "poisoned".equals(record.value()))
					&& failed.compareAndSet(false, true)) {
				throw new IllegalStateException("the owner could not keep it this time");
			}
			apply(records);
		});
		this.view.start();
		this.view.catchUp(Duration.ofSeconds(30));
		try (KafkaProducer<String, String> producer = producer()) {
			producer.send(new ProducerRecord<>(this.topic, "a", "poisoned")).get();
		}
		this.view.catchUp(Duration.ofSeconds(30));
		assertThat(failed).isTrue();
		assertThat(this.table).containsEntry("a", "poisoned");
	}

	@Test
	void waitsForATopicCreatedAfterItStartedAndSaysWhyItIsNotCurrent() {
		this.view = view(this::apply);
		this.view.start();
		assertThatIllegalStateException().isThrownBy(() -> this.view.catchUp(Duration.ofMillis(500)))
			.withMessageContaining("The view of " + this.topic + " is not current: still loading");
		assertThat(this.view.behindAtStart()).isEqualTo(-1);

		TestEngines.createTopics(3, this.topic);
		this.view.catchUp(Duration.ofSeconds(30));
		assertThat(this.view.isLoaded()).isTrue();
	}

	@Test
	void aCompactedTopicCreatedByAnOlderVersionIsBroughtToTheDefaultsAndItsHistoryShrinks() throws Exception {
		// As versions before TopicDefaults.compactedSegment created it: compacted, but
		// with
		// one segment per partition until it reaches 1 GB, so nothing was ever compacted.
		Map<String, Object> adminConfig = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				TestEngines.kafkaBootstrapServers());
		try (Admin admin = Admin.create(adminConfig)) {
			admin
				.createTopics(List.of(new NewTopic(this.topic, 1, (short) 1)
					.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT))))
				.all()
				.get();
			// What spring.kafka.admin.modify-topic-configs does at a service's start.
			KafkaAdmin kafkaAdmin = new KafkaAdmin(adminConfig);
			kafkaAdmin.setModifyTopicConfigs(true);
			kafkaAdmin
				.createOrModifyTopics(new TopicDefaults(1, (short) 1, Duration.ofMillis(200)).compacted(this.topic));
			ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, this.topic);
			Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
			assertThat(config.get(TopicConfig.SEGMENT_MS_CONFIG).value()).isEqualTo("200");
			assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo("compact");
		}
		int rounds = 20;
		int keys = 100;
		try (KafkaProducer<String, String> producer = producer()) {
			for (int round = 0; round < rounds; round++) {
				for (int key = 0; key < keys; key++) {
					producer.send(new ProducerRecord<>(this.topic, "key-" + key, "round-" + round));
				}
				producer.flush();
				// Older than segment.ms: the next round's first write closes this
				// segment.
				Thread.sleep(250);
			}
		}

		AtomicInteger read = new AtomicInteger();
		await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
			this.table.clear();
			read.set(0);
			CompactedTopicView<String> reader = view((records) -> {
				read.addAndGet(records.size());
				apply(records);
			});
			reader.start();
			try {
				reader.catchUp(Duration.ofSeconds(30));
			}
			finally {
				reader.stop();
			}
			// The closed segments keep one version per key; the open one, the last round.
			assertThat(read.get()).isLessThanOrEqualTo(rounds * keys / 4);
		});
		assertThat(this.table).hasSize(keys).containsEntry("key-0", "round-19").containsEntry("key-99", "round-19");
	}

	private void apply(List<ConsumerRecord<String, String>> records) {
		for (ConsumerRecord<String, String> record : records) {
			if (record.value() == null) {
				this.table.remove(record.key());
			}
			else {
				this.table.put(record.key(), record.value());
			}
		}
	}

	private CompactedTopicView<String> view(CompactedTopicView.Updates<String> updates) {
		String servers = TestEngines.kafkaBootstrapServers();
		return new CompactedTopicView<>(this.topic,
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
						false),
				Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers), new StringDeserializer(), updates,
				this.loaded::incrementAndGet);
	}

	private static KafkaProducer<String, String> producer() {
		// One request in flight and no idempotence: a topic created a moment ago may
		// still move its leader, and the records must stay in order without it.
		return new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestEngines.kafkaBootstrapServers(),
						ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false,
						ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1),
				new StringSerializer(), new StringSerializer());
	}

}
