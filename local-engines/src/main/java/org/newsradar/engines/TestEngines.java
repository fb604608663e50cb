package org.newsradar.engines;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.elasticsearch.ElasticsearchContainer;
import org.testcontainers.kafka.KafkaContainer;

/**
 * The engines a test JVM talks to, started once on first use and stopped when the JVM
 * exits: Testcontainers when a Docker engine answers, otherwise an in-JVM KRaft broker
 * and the local Elasticsearch node. The tests are the same either way.
 */
public final class TestEngines {

	private static final Logger logger = LoggerFactory.getLogger(TestEngines.class);

	static final String KAFKA_IMAGE = "apache/kafka:4.1.0";

	static final String ELASTICSEARCH_IMAGE = "docker.elastic.co/elasticsearch/elasticsearch:8.19.21";

	private TestEngines() {
	}

	public static String kafkaBootstrapServers() {
		return Kafka.BOOTSTRAP_SERVERS;
	}

	public static String elasticsearchUrl() {
		return Elasticsearch.URL;
	}

	/** Points {@code spring.kafka.bootstrap-servers} at the test broker. */
	public static void registerKafka(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", TestEngines::kafkaBootstrapServers);
	}

	/** Points {@code newsradar.elasticsearch.uris} at the test node. */
	public static void registerElasticsearch(DynamicPropertyRegistry registry) {
		registry.add("newsradar.elasticsearch.uris", TestEngines::elasticsearchUrl);
	}

	/**
	 * Creates topics another service owns, so a test of one service can write to them;
	 * topics that exist already are left alone.
	 */
	public static void createTopics(int partitions, String... topics) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers()))) {
			for (String topic : topics) {
				try {
					admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1)))
						.all()
						.get(30, TimeUnit.SECONDS);
				}
				catch (ExecutionException ex) {
					if (!(ex.getCause() instanceof TopicExistsException)) {
						throw new IllegalStateException("Cannot create topic " + topic, ex);
					}
				}
			}
		}
		catch (InterruptedException | TimeoutException ex) {
			throw new IllegalStateException("Cannot create topics " + List.of(topics), ex);
		}
	}

	/**
	 * A consumer of its own (new group) that sees only what is published from now on: it
	 * has been assigned every partition of the topics when this returns.
	 */
	public static <V> KafkaConsumer<String, V> follow(Deserializer<V> values, String... topics) {
		KafkaConsumer<String, V> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers(), ConsumerConfig.GROUP_ID_CONFIG,
						UUID.randomUUID().toString(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
				new StringDeserializer(), values);
		consumer.subscribe(List.of(topics));
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (consumer.assignment().stream().map(TopicPartition::topic).distinct().count() < topics.length) {
			if (System.nanoTime() > deadline) {
				consumer.close();
				throw new IllegalStateException("No partitions of " + List.of(topics) + " assigned after 30s");
			}
			consumer.poll(Duration.ofMillis(100));
		}
		// Positions are otherwise resolved lazily, at the next fetch: records published
		// in
		// between would be skipped by "latest".
		consumer.assignment().forEach(consumer::position);
		return consumer;
	}

	private static boolean dockerAvailable() {
		return Docker.AVAILABLE;
	}

	private static final class Docker {

		static final boolean AVAILABLE = detect();

		private static boolean detect() {
			try {
				return DockerClientFactory.instance().isDockerAvailable();
			}
			catch (RuntimeException | LinkageError ex) {
				return false;
			}
		}

	}

	private static final class Kafka {

		static final String BOOTSTRAP_SERVERS = start();

		private static String start() {
			if (dockerAvailable()) {
				KafkaContainer container = new KafkaContainer(KAFKA_IMAGE);
				container.start();
				return container.getBootstrapServers();
			}
			EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
			broker.brokerProperty("auto.create.topics.enable", "false");
			broker.afterPropertiesSet();
			Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-stop"));
			logger.info("In-JVM Kafka broker at {}", broker.getBrokersAsString());
			return broker.getBrokersAsString();
		}

	}

	private static final class Elasticsearch {

		static final String URL = start();

		private static String start() {
			if (dockerAvailable()) {
				ElasticsearchContainer container = new ElasticsearchContainer(ELASTICSEARCH_IMAGE)
					.withEnv("xpack.security.enabled", "false")
					.withEnv("ES_JAVA_OPTS", "-Xms512m -Xmx512m");
				container.start();
				return "http://" + container.getHttpHostAddress();
			}
			Path work = EngineProcess.traversableTempDirectory("newsradar-es-");
			LocalElasticsearch node = LocalElasticsearch.start(work, work.resolve("console.log"),
					EngineProcess.freePort(), EngineProcess.freePort(), false);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				node.close();
				EngineProcess.deleteTree(work);
			}, "local-elasticsearch-stop"));
			return node.url();
		}

	}

}
