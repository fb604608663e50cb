package org.newsradar.enrich.flow;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsradar.enrich.Articles;
import org.newsradar.enrich.EnrichApplication;
import org.newsradar.enrich.index.ArticleIndex;
import org.newsradar.engines.TestEngines;
import org.newsradar.events.ArticleIngested;
import org.newsradar.events.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Stories stay whole across runs and instances of enrich-service: the English version of
 * a story is enriched by one run or instance, the French version by another, and both
 * leave with one story id, in Elasticsearch and on {@code articles.enriched} (the id
 * alert-service raises one alert per rule for).
 */
class StoriesAcrossInstancesIT {

	private final String group = "enrich-stories-" + UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	static void topics() {
		TestEngines.createTopics(3, Topics.ARTICLES_RAW, Topics.ARTICLES_ENRICHED);
	}

	@Test
	void theFrenchVersionJoinsTheStoryOfTheEnglishOneEnrichedBeforeARestart() throws Exception {
		List<ArticleIngested> pair = Articles.storyPair();
		try (Consumer<String, String> enriched = TestEngines.follow(new StringDeserializer(),
				Topics.ARTICLES_ENRICHED)) {
			String englishStory;
			try (ConfigurableApplicationContext first = start()) {
				awaitAssigned(first);
				send(first, new ProducerRecord<>(Topics.ARTICLES_RAW, pair.get(0).id(), pair.get(0)));
				englishStory = awaitStory(first, pair.get(0).id());
			}
			try (ConfigurableApplicationContext second = start()) {
				awaitAssigned(second);
				send(second, new ProducerRecord<>(Topics.ARTICLES_RAW, pair.get(1).id(), pair.get(1)));
				assertThat(awaitStory(second, pair.get(1).id())).isEqualTo(englishStory).isEqualTo(pair.get(0).id());
				assertThat(awaitPublishedStories(second, enriched, pair.subList(0, 2))).containsOnly(englishStory);
			}
		}
	}

	@Test
	void twoInstancesEnrichingTheTwoVersionsAtOnceGiveThemOneStory() throws Exception {
		List<ArticleIngested> pair = Articles.storyPair();
		try (Consumer<String, String> enriched = TestEngines.follow(new StringDeserializer(), Topics.ARTICLES_ENRICHED);
				ConfigurableApplicationContext first = start();
				ConfigurableApplicationContext second = start()) {
			awaitAssigned(first, second);
			TopicPartition firstPartition = container(first).getAssignedPartitions().iterator().next();
			TopicPartition secondPartition = container(second).getAssignedPartitions().iterator().next();
			container(first).pause();
			container(second).pause();
			await().atMost(Duration.ofSeconds(30))
				.until(() -> container(first).isPauseRequested() && container(second).isPauseRequested());
			send(first, new ProducerRecord<>(Topics.ARTICLES_RAW, firstPartition.partition(), pair.get(0).id(),
					pair.get(0)));
			send(first, new ProducerRecord<>(Topics.ARTICLES_RAW, secondPartition.partition(), pair.get(1).id(),
					pair.get(1)));
			container(first).resume();
			container(second).resume();

			String englishStory = awaitStory(first, pair.get(0).id());
			assertThat(awaitStory(second, pair.get(1).id())).isEqualTo(englishStory);
			assertThat(awaitPublishedStories(first, enriched, pair.subList(0, 2))).containsOnly(englishStory);
		}
	}

	/**
	 * An instance with one consumer thread: with three each, the range assignor could
	 * give the three partitions to the three consumers of one instance (it orders them by
	 * their client ids, numbered in the order they were created in this JVM).
	 */
	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(EnrichApplication.class).run("--server.port=0",
				"--spring.kafka.listener.concurrency=1",
				"--spring.kafka.bootstrap-servers=" + TestEngines.kafkaBootstrapServers(),
				"--spring.kafka.consumer.group-id=" + this.group, "--spring.kafka.consumer.auto-offset-reset=latest",
				"--newsradar.elasticsearch.uris=" + TestEngines.elasticsearchUrl());
	}

	private static MessageListenerContainer container(ConfigurableApplicationContext context) {
		return context.getBean(KafkaListenerEndpointRegistry.class).getListenerContainers().iterator().next();
	}

	/**
	 * Waits until the instances share the partitions of articles.raw between them, each
	 * holding some.
	 */
	private static void awaitAssigned(ConfigurableApplicationContext... instances) {
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			List<TopicPartition> assigned = new ArrayList<>();
			for (ConfigurableApplicationContext instance : instances) {
				assertThat(container(instance).getAssignedPartitions()).isNotEmpty();
				assigned.addAll(container(instance).getAssignedPartitions());
			}
			assertThat(assigned).hasSize(3).doesNotHaveDuplicates();
		});
	}

	@SuppressWarnings("unchecked")
	private static void send(ConfigurableApplicationContext context, ProducerRecord<String, ?> record)
			throws Exception {
		context.getBean(KafkaTemplate.class).send(record).get();
	}

	private static String awaitStory(ConfigurableApplicationContext context, String articleId) {
		ElasticsearchClient client = context.getBean(ElasticsearchClient.class);
		String[] story = new String[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			GetResponse<JsonNode> response = client.get((get) -> get.index(ArticleIndex.ALIAS).id(articleId),
					JsonNode.class);
			assertThat(response.found()).as("article %s indexed", articleId).isTrue();
			story[0] = response.source().get("story_id").asString();
		});
		return story[0];
	}

	/**
	 * Every story id the articles were published with on articles.enriched, once each
	 * article was published.
	 */
	private static List<String> awaitPublishedStories(ConfigurableApplicationContext context,
			Consumer<String, String> enriched, List<ArticleIngested> articles) {
		JsonMapper json = context.getBean(JsonMapper.class);
		Map<String, List<String>> stories = new HashMap<>();
		List<String> ids = articles.stream().map(ArticleIngested::id).toList();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			enriched.poll(Duration.ofMillis(200))
				.forEach((record) -> stories.computeIfAbsent(record.key(), (key) -> new ArrayList<>())
					.add(json.readTree(record.value()).get("story_id").asString()));
			assertThat(stories).containsKeys(ids.toArray(String[]::new));
		});
		return ids.stream().flatMap((id) -> stories.get(id).stream()).toList();
	}

}
