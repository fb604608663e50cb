package org.newsradar.engines;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalEnginesIT {

	/**
	 * Not JUnit's temporary directory: Elasticsearch, run as another user, must reach it.
	 */
	private final Path work = EngineProcess.traversableTempDirectory("newsradar-test-");

	@AfterEach
	void deleteWork() {
		EngineProcess.deleteTree(this.work);
	}

	@Test
	void elasticsearchNodeStoresAndFindsADocumentThenStopsListening() throws Exception {
		int port = EngineProcess.freePort();
		HttpClient http = HttpClient.newHttpClient();
		try (LocalElasticsearch node = LocalElasticsearch.start(this.work.resolve("es"), this.work.resolve("es.log"),
				port, EngineProcess.freePort(), false)) {
			HttpResponse<String> indexed = http
				.send(HttpRequest.newBuilder(URI.create(node.url() + "/probe/_doc/1?refresh=true"))
					.header("Content-Type", "application/json")
					.PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"Astana\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(indexed.statusCode()).isEqualTo(201);
			HttpResponse<String> count = http.send(
					HttpRequest.newBuilder(URI.create(node.url() + "/probe/_count")).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(count.body()).contains("\"count\":1");
		}
		assertThat(LocalElasticsearch.isHealthy(port)).isFalse();
		EngineProcess.requireFreePort("Elasticsearch", port);
	}

	@Test
	void kafkaBrokerDeliversARecordThenStopsListening() throws Exception {
		int port = EngineProcess.freePort();
		try (LocalKafka broker = LocalKafka.start(this.work.resolve("kafka"), this.work.resolve("kafka.log"), port,
				false)) {
			try (Admin admin = Admin
				.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
				admin.createTopics(List.of(new NewTopic("probe", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
			}
			Properties producerConfig = new Properties();
			producerConfig.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
			try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerConfig, new StringSerializer(),
					new StringSerializer())) {
				producer.send(new ProducerRecord<>("probe", "k", "Astana")).get(30, TimeUnit.SECONDS);
			}
			Properties consumerConfig = new Properties();
			consumerConfig.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
			consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "probe");
			consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
			try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
					new StringDeserializer())) {
				consumer.subscribe(List.of("probe"));
				ConsumerRecords<String, String> records = ConsumerRecords.empty();
				for (int i = 0; i < 30 && records.isEmpty(); i++) {
					records = consumer.poll(Duration.ofSeconds(1));
				}
				assertThat(records).extracting((record) -> record.value()).containsExactly("Astana");
			}
		}
		assertThat(LocalKafka.isReady(port)).isFalse();
	}

	@Test
	void refusesAPortThatIsTakenAndSaysWhich() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			int port = taken.getLocalPort();
			assertThatThrownBy(() -> LocalElasticsearch.start(this.work.resolve("es"), this.work.resolve("es.log"),
					port, EngineProcess.freePort(), false))
				.isInstanceOf(EngineException.class)
				.hasMessageContaining("port " + port + " is already in use");
			assertThatThrownBy(
					() -> LocalKafka.start(this.work.resolve("kafka"), this.work.resolve("kafka.log"), port, false))
				.isInstanceOf(EngineException.class)
				.hasMessageContaining("Cannot start Kafka: port " + port + " is already in use");
		}
	}

}
