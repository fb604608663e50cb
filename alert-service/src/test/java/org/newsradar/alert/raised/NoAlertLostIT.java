package org.newsradar.alert.raised;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.newsradar.alert.AlertApplication;
import org.newsradar.alert.rule.WatchRule;
import org.newsradar.engines.OutageElasticsearch;
import org.newsradar.engines.TestEngines;
import org.newsradar.events.ArticleEnriched;
import org.newsradar.events.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.newsradar.alert.support.ServiceRequests.send;
import static org.awaitility.Awaitility.await;

/**
 * The promise that every alert that should come, comes, through the two ways it was
 * broken: alert-service started again behind a long history of {@code watch-rules}
 * (articles were matched before the rules were back, and their offsets committed), and
 * Elasticsearch gone while articles arrive.
 */
class NoAlertLostIT {

	private static final int OTHER_RULES = 10_000;

	private static final int VERSIONS_PER_RULE = 3;

	private final String run = UUID.randomUUID().toString().substring(0, 8);

	private final String source = "outlet-" + this.run;

	private final String ruleId = "every-article-of-" + this.source;

	/** A rule of the history that would match this test's outlet, deleted since. */
	private final String deletedRuleId = "deleted-" + this.run;

	private final Set<String> alertingRules = ConcurrentHashMap.newKeySet();

	private final String group = "alert-service-" + this.run;

	@Test
	void everyMatchingArticleAlertsAfterARestartBehindALongRuleHistory() throws Exception {
		TestEngines.createTopics(3, Topics.ARTICLES_ENRICHED, Topics.ALERTS);
		JsonMapper json;
		try (Consumer<String, String> alerts = TestEngines.follow(new StringDeserializer(), Topics.ALERTS)) {
			try (ConfigurableApplicationContext first = start(TestEngines.elasticsearchUrl())) {
				json = first.getBean(JsonMapper.class);
				try (KafkaProducer<String, String> producer = producer()) {
					writeRuleHistory(producer, json);
				}
				saveRule(first);
			}
			List<ArticleEnriched> articles = articles(300);
			try (KafkaProducer<String, String> producer = producer()) {
				publish(producer, json, articles);
			}
			try (ConfigurableApplicationContext second = start(TestEngines.elasticsearchUrl())) {
				Map<String, Integer> raised = new HashMap<>();
				await().atMost(Duration.ofSeconds(120))
					.pollInterval(Duration.ofMillis(200))
					.untilAsserted(() -> assertThat(collect(alerts, json, raised).keySet())
						.containsExactlyInAnyOrderElementsOf(stories(articles)));
				assertThat(raised.values()).containsOnly(1);
				collect(alerts, json, raised);
				assertThat(this.alertingRules).doesNotContain(this.deletedRuleId);
				awaitStoredAlerts(second, articles.size());
			}
		}
	}

	@Test
	void everyAlertIsRaisedOnceWhenElasticsearchComesBackAndNoOffsetPassesItMeanwhile() throws Exception {
		TestEngines.createTopics(3, Topics.ARTICLES_ENRICHED, Topics.ALERTS);
		try (OutageElasticsearch elasticsearch = new OutageElasticsearch();
				Consumer<String, String> alerts = TestEngines.follow(new StringDeserializer(), Topics.ALERTS);
				ConfigurableApplicationContext context = start(elasticsearch.url());
				KafkaProducer<String, String> producer = producer()) {
			JsonMapper json = context.getBean(JsonMapper.class);
			saveRule(context);
			awaitReady(context);

			elasticsearch.stop();
			List<ArticleEnriched> articles = articles(200);
			Map<TopicPartition, Long> firstOffsets = publish(producer, json, articles);
			Counter failures = failures(context);
			await().atMost(Duration.ofSeconds(60)).until(() -> failures.count() >= 2);
			assertThat(committed(firstOffsets.keySet()))
				.allSatisfy((partition, offset) -> assertThat(offset).isLessThanOrEqualTo(firstOffsets.get(partition)));
			Map<String, Integer> raised = new HashMap<>();
			assertThat(collect(alerts, json, raised)).isEmpty();

			elasticsearch.start();
			await().atMost(Duration.ofSeconds(120))
				.pollInterval(Duration.ofMillis(200))
				.untilAsserted(() -> assertThat(collect(alerts, json, raised).keySet())
					.containsExactlyInAnyOrderElementsOf(stories(articles)));
			collect(alerts, json, raised);
			assertThat(raised.values()).containsOnly(1);
			awaitStoredAlerts(context, articles.size());
			try (Consumer<String, String> deadLetters = TestEngines.follow(new StringDeserializer(),
					Topics.deadLetter(Topics.ARTICLES_ENRICHED))) {
				assertThat(deadLetters.poll(Duration.ofSeconds(1))).isEmpty();
			}
		}
	}

	@Test
	void aRuleAnotherInstanceSavedAppliesToTheArticlesPublishedRightAfter() throws Exception {
		TestEngines.createTopics(3, Topics.ARTICLES_ENRICHED, Topics.ALERTS);
		try (Consumer<String, String> alerts = TestEngines.follow(new StringDeserializer(), Topics.ALERTS);
				ConfigurableApplicationContext context = start(TestEngines.elasticsearchUrl());
				KafkaProducer<String, String> producer = producer()) {
			JsonMapper json = context.getBean(JsonMapper.class);
			awaitReady(context);
			List<ArticleEnriched> articles = articles(100);
			// Saved as another instance saves it: acknowledged by Kafka, unknown here.
			WatchRule rule = new WatchRule(this.ruleId, "Everything from " + this.source, null, null, null, null,
					List.of(this.source), null, null, null, null);
			producer.send(new ProducerRecord<>(Topics.WATCH_RULES, this.ruleId, json.writeValueAsString(rule))).get();
			publish(producer, json, articles);

			Map<String, Integer> raised = new HashMap<>();
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.untilAsserted(() -> assertThat(collect(alerts, json, raised).keySet())
					.containsExactlyInAnyOrderElementsOf(stories(articles)));
			assertThat(raised.values()).containsOnly(1);
		}
	}

	@Test
	void articlesThatCanNeverAlertAreDeadLetteredAndTheOthersInTheirBatchAlert() throws Exception {
		TestEngines.createTopics(3, Topics.ARTICLES_ENRICHED, Topics.ALERTS,
				Topics.deadLetter(Topics.ARTICLES_ENRICHED));
		try (Consumer<String, String> alerts = TestEngines.follow(new StringDeserializer(), Topics.ALERTS);
				Consumer<String, String> deadLetters = TestEngines.follow(new StringDeserializer(),
						Topics.deadLetter(Topics.ARTICLES_ENRICHED));
				ConfigurableApplicationContext context = start(TestEngines.elasticsearchUrl());
				KafkaProducer<String, String> producer = producer()) {
			JsonMapper json = context.getBean(JsonMapper.class);
			saveRule(context);
			List<ArticleEnriched> articles = new ArrayList<>(articles(30));
			// Keywords longer than Lucene's 32,766-byte limit: one in the url makes the
			// alert document invalid, one in the countries makes the article unmatchable,
			// whatever is tried.
			String immense = "x".repeat(40_000);
			ArticleEnriched refused = articles.get(10);
			ArticleEnriched unmatchable = articles.get(20);
			articles.set(10, with(refused, "https://" + this.source + ".example/" + immense, refused.countries()));
			articles.set(20, with(unmatchable, unmatchable.url(), List.of(immense)));
			publish(producer, json, articles);

			Map<String, Integer> raised = new HashMap<>();
			List<ArticleEnriched> valid = articles.stream()
				.filter((article) -> article != articles.get(10) && article != articles.get(20))
				.toList();
			await().atMost(Duration.ofSeconds(60))
				.pollInterval(Duration.ofMillis(200))
				.untilAsserted(() -> assertThat(collect(alerts, json, raised).keySet())
					.containsExactlyInAnyOrderElementsOf(stories(valid)));
			List<String> deadLettered = new ArrayList<>();
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				deadLetters.poll(Duration.ofMillis(200)).forEach((record) -> deadLettered.add(record.key()));
				assertThat(new HashSet<>(deadLettered)).containsExactlyInAnyOrder(refused.id(), unmatchable.id());
			});
			assertThat(raised.values()).containsOnly(1);
			assertThat(context.getBean(MeterRegistry.class)
				.counter("newsradar.kafka.dead.letters", "topic", Topics.ARTICLES_ENRICHED)
				.count()).isEqualTo(2);
		}
	}

	private static ArticleEnriched with(ArticleEnriched article, String url, List<String> countries) {
		return new ArticleEnriched(article.id(), url, article.source(), article.title(), article.body(),
				article.publishedAt(), article.ingestedAt(), article.enrichedAt(), article.language(), countries,
				article.topics(), article.topicEvidence(), article.persons(), article.organizations(), article.quotes(),
				article.statement(), article.storyId());
	}

	/**
	 * Other analysts' rules, each saved several times, none of them matching this test's
	 * outlet, and one that matches it, deleted: the history alert-service replays at
	 * start.
	 */
	private void writeRuleHistory(KafkaProducer<String, String> producer, JsonMapper json) throws Exception {
		List<Future<RecordMetadata>> sends = new ArrayList<>();
		WatchRule deleted = new WatchRule(this.deletedRuleId, "Deleted", null, null, null, null, List.of(this.source),
				null, null, null, null);
		sends.add(producer
			.send(new ProducerRecord<>(Topics.WATCH_RULES, this.deletedRuleId, json.writeValueAsString(deleted))));
		for (int version = 0; version < VERSIONS_PER_RULE; version++) {
			for (int i = 0; i < OTHER_RULES; i++) {
				String id = "other-" + this.run + "-" + i;
				WatchRule rule = new WatchRule(id, "Other rule " + i + " v" + version,
						"word" + i + " OR term" + version, null, null, List.of("en"), List.of("elsewhere-" + i), null,
						null, null, null);
				sends.add(producer.send(new ProducerRecord<>(Topics.WATCH_RULES, id, json.writeValueAsString(rule))));
			}
		}
		// Deleted after the whole history, so that its save and its deletion are read in
		// different polls.
		sends.add(producer.send(new ProducerRecord<>(Topics.WATCH_RULES, this.deletedRuleId, null)));
		for (Future<RecordMetadata> send : sends) {
			send.get();
		}
	}

	private void saveRule(ConfigurableApplicationContext context) throws Exception {
		HttpResponse<String> saved = send(context, "PUT", "/api/rules/" + this.ruleId,
				"{\"name\":\"Everything from " + this.source + "\",\"sources\":[\"" + this.source + "\"]}");
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
	}

	private List<ArticleEnriched> articles(int count) {
		List<ArticleEnriched> articles = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String id = this.run + "-" + i;
			articles.add(new ArticleEnriched("article-" + id, "https://" + this.source + ".example/" + i, this.source,
					"Report " + i, "The ministry issued statement number " + i + ".", Instant.now(), Instant.now(),
					Instant.now(), "en", List.of("KZ"), List.of(), List.of(), List.of(), List.of(), List.of(), null,
					"story-" + id));
		}
		return articles;
	}

	private static Set<String> stories(List<ArticleEnriched> articles) {
		return new HashSet<>(articles.stream().map(ArticleEnriched::storyId).toList());
	}

	/** Publishes the articles; returns the offset of the first one on each partition. */
	private static Map<TopicPartition, Long> publish(KafkaProducer<String, String> producer, JsonMapper json,
			List<ArticleEnriched> articles) throws Exception {
		List<Future<RecordMetadata>> sends = new ArrayList<>();
		for (ArticleEnriched article : articles) {
			sends.add(producer
				.send(new ProducerRecord<>(Topics.ARTICLES_ENRICHED, article.id(), json.writeValueAsString(article))));
		}
		Map<TopicPartition, Long> first = new HashMap<>();
		for (Future<RecordMetadata> send : sends) {
			RecordMetadata sent = send.get();
			first.merge(new TopicPartition(sent.topic(), sent.partition()), sent.offset(), Math::min);
		}
		return first;
	}

	/**
	 * Adds this run's alerts seen since the last call; returns how often each story was
	 * alerted.
	 */
	private Map<String, Integer> collect(Consumer<String, String> alerts, JsonMapper json,
			Map<String, Integer> raised) {
		for (ConsumerRecord<String, String> record : alerts.poll(Duration.ofMillis(500))) {
			this.alertingRules.add(record.key());
			if (this.ruleId.equals(record.key())) {
				JsonNode alert = json.readTree(record.value());
				raised.merge(alert.get("story_id").asString(), 1, Integer::sum);
			}
		}
		return raised;
	}

	/**
	 * One alert document per story in the {@code alerts} index, once it has refreshed.
	 */
	private void awaitStoredAlerts(ConfigurableApplicationContext context, int stories) {
		Query byRule = Query.of((q) -> q.term((t) -> t.field("rule_id").value(this.ruleId)));
		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(
					() -> assertThat(context.getBean(AlertStore.class).search(byRule, 0, 1000)).hasSize(stories));
	}

	private Map<TopicPartition, Long> committed(Set<TopicPartition> partitions) throws Exception {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestEngines.kafkaBootstrapServers()))) {
			Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(this.group)
				.partitionsToOffsetAndMetadata()
				.get();
			Map<TopicPartition, Long> committed = new HashMap<>();
			for (TopicPartition partition : partitions) {
				OffsetAndMetadata offset = offsets.get(partition);
				committed.put(partition, (offset != null) ? offset.offset() : 0L);
			}
			return committed;
		}
	}

	private static Counter failures(ConfigurableApplicationContext context) {
		return context.getBean(MeterRegistry.class)
			.counter("newsradar.kafka.listener.failures", "topic", Topics.ARTICLES_ENRICHED);
	}

	private void awaitReady(ConfigurableApplicationContext context) {
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(send(context, "GET", "/actuator/health/readiness", null).statusCode())
				.isEqualTo(200));
	}

	private ConfigurableApplicationContext start(String elasticsearchUrl) {
		return new SpringApplicationBuilder(AlertApplication.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + TestEngines.kafkaBootstrapServers(),
				"--spring.kafka.consumer.group-id=" + this.group, "--newsradar.elasticsearch.uris=" + elasticsearchUrl);
	}

	private static KafkaProducer<String, String> producer() {
		return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestEngines.kafkaBootstrapServers(),
				ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer());
	}

}
