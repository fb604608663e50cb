package org.newsradar.enrich.flow;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsradar.enrich.index.ArticleIndex;
import org.newsradar.engines.TestEngines;
import org.newsradar.events.ArticleIds;
import org.newsradar.events.ArticleIngested;
import org.newsradar.events.CloudEvents;
import org.newsradar.events.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

// Closed after the class: its consumer would otherwise keep enriching what later tests send.
// Slices of two articles, so that a polled batch is written in several slices.
@SpringBootTest(properties = { "spring.kafka.consumer.group-id=enrich-flow-it", "newsradar.enrich.slice-size=2" })
@DirtiesContext
class EnrichFlowIT {

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		TestEngines.registerKafka(registry);
		TestEngines.registerElasticsearch(registry);
		TestEngines.createTopics(3, Topics.ARTICLES_RAW);
	}

	@Autowired
	KafkaTemplate<String, Object> kafka;

	@Autowired
	ElasticsearchClient elasticsearch;

	@Autowired
	JsonMapper json;

	private Consumer<String, byte[]> downstream;

	@BeforeEach
	void followDownstreamTopics() {
		this.downstream = TestEngines.follow(new ByteArrayDeserializer(), Topics.ARTICLES_ENRICHED,
				Topics.deadLetter(Topics.ARTICLES_RAW));
	}

	@AfterEach
	void close() {
		this.downstream.close();
	}

	@Test
	void indexesEnrichedArticlesAndPublishesThemWithCloudEventsHeaders() throws Exception {
		ArticleIngested english = article("Kazakhstan reaffirms the one-China principle",
				"The statement was issued by the Kazakh Foreign Ministry after the elections in Taiwan. "
						+ UUID.randomUUID());
		ArticleIngested french = article("Le Kazakhstan réaffirme le principe d’une seule Chine",
				"La déclaration a été publiée par le ministère kazakh des Affaires étrangères après les élections à Taïwan. "
						+ UUID.randomUUID());
		send(english);
		send(french);

		JsonNode englishDocument = awaitDocument(english.id());
		assertThat(englishDocument.get("language").asString()).isEqualTo("en");
		assertThat(englishDocument.get("countries")).extracting(JsonNode::asString).contains("KZ", "CN", "TW");
		assertThat(englishDocument.get("topics")).extracting(JsonNode::asString).contains("one-china");
		assertThat(englishDocument.get("story_id").asString()).isNotBlank();
		assertThat(awaitDocument(french.id()).get("language").asString()).isEqualTo("fr");
		// No date from the source: the document is timed by its ingestion, and says so.
		assertThat(englishDocument.get("published_at").asString()).isEqualTo(english.ingestedAt().toString());
		assertThat(englishDocument.get("published_at_estimated").asBoolean()).isTrue();
		// The text again under its language, searchable but not stored twice.
		assertThat(englishDocument.has("text")).isFalse();
		this.elasticsearch.indices().refresh((request) -> request.index(ArticleIndex.ALIAS));
		assertThat(this.elasticsearch
			.search((request) -> request.index(ArticleIndex.ALIAS)
				.query((query) -> query.match((match) -> match.field("text.fr").query("Taïwan"))), JsonNode.class)
			.hits()
			.hits()).extracting((hit) -> hit.id()).contains(french.id());

		List<ConsumerRecord<String, byte[]>> enriched = awaitRecords(Topics.ARTICLES_ENRICHED, 2);
		assertThat(enriched).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(english.id(), french.id());
		assertThat(new String(enriched.get(0).headers().lastHeader(CloudEvents.TYPE).value(), StandardCharsets.UTF_8))
			.isEqualTo(CloudEvents.ARTICLE_ENRICHED);
		assertThat(this.json.readTree(enriched.get(0).value()).get("enriched_at")).isNotNull();
	}

	@Test
	void aPoisonMessageGoesToTheDeadLetterTopicAndThePartitionKeepsMoving() throws Exception {
		ArticleIngested valid = article("Uzbekistan and Kyrgyzstan sign a border treaty",
				"Tashkent " + UUID.randomUUID());
		this.kafka
			.send(new ProducerRecord<>(Topics.ARTICLES_RAW, 0, "poison", "{not json".getBytes(StandardCharsets.UTF_8)))
			.get();
		this.kafka.send(new ProducerRecord<>(Topics.ARTICLES_RAW, 0, valid.id(), valid)).get();

		List<ConsumerRecord<String, byte[]>> dead = awaitRecords(Topics.deadLetter(Topics.ARTICLES_RAW), 1);
		assertThat(dead.get(0).key()).isEqualTo("poison");
		assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
		assertThat(dead.get(0).headers().lastHeader("kafka_dlt-exception-fqcn")).isNotNull();
		assertThat(awaitDocument(valid.id()).get("countries")).extracting(JsonNode::asString).contains("UZ", "KG");
	}

	@Test
	void aPoisonMessageAmongSlicesLosesNothingAndRepeatsNothing() throws Exception {
		List<String> valid = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			if (i == 13) {
				this.kafka.send(new ProducerRecord<>(Topics.ARTICLES_RAW, 1, "poison-among-slices",
						"{not json".getBytes(StandardCharsets.UTF_8)));
				continue;
			}
			ArticleIngested article = article("Mongolia and Japan hold talks, round " + i,
					"Ulaanbaatar " + UUID.randomUUID());
			valid.add(article.id());
			this.kafka.send(new ProducerRecord<>(Topics.ARTICLES_RAW, 1, article.id(), article));
		}
		this.kafka.flush();

		List<String> dead = new ArrayList<>();
		List<String> enriched = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			ConsumerRecords<String, byte[]> records = this.downstream.poll(Duration.ofMillis(200));
			records.records(Topics.deadLetter(Topics.ARTICLES_RAW)).forEach((record) -> dead.add(record.key()));
			records.records(Topics.ARTICLES_ENRICHED).forEach((record) -> enriched.add(record.key()));
			assertThat(enriched).hasSizeGreaterThanOrEqualTo(valid.size());
			assertThat(dead).isNotEmpty();
		});
		this.downstream.poll(Duration.ofSeconds(2)).forEach((record) -> enriched.add(record.key()));
		assertThat(dead).containsExactly("poison-among-slices");
		assertThat(enriched).containsExactlyInAnyOrderElementsOf(valid);
		valid.forEach(this::awaitDocument);
	}

	@Test
	void aRedeliveredArticleOverwritesItsDocument() throws Exception {
		ArticleIngested article = article("Tokayev speaks about neutrality", "Astana " + UUID.randomUUID());
		send(article);
		String story = awaitDocument(article.id()).get("story_id").asString();
		send(article);
		awaitRecords(Topics.ARTICLES_ENRICHED, 2);
		this.elasticsearch.indices().refresh((request) -> request.index(ArticleIndex.ALIAS));
		long count = this.elasticsearch
			.count((request) -> request.index(ArticleIndex.ALIAS)
				.query((query) -> query.term((term) -> term.field("id").value(article.id()))))
			.count();
		assertThat(count).isEqualTo(1);
		assertThat(awaitDocument(article.id()).get("story_id").asString()).isEqualTo(story);
	}

	@Test
	void articlesLiveBehindAWriteAliasCreatedFromTheTemplate() throws Exception {
		var aliases = this.elasticsearch.indices().getAlias((request) -> request.name(ArticleIndex.ALIAS));
		assertThat(aliases.result()).containsOnlyKeys("articles-000001");
		assertThat(aliases.result().get("articles-000001").aliases().get(ArticleIndex.ALIAS).isWriteIndex()).isTrue();
		assertThat(this.elasticsearch.indices().existsIndexTemplate((request) -> request.name("articles")).value())
			.isTrue();
	}

	private ArticleIngested article(String title, String body) {
		return new ArticleIngested(ArticleIds.of(null, title, body), null, "test", title, body, null, Instant.now(),
				null);
	}

	private void send(ArticleIngested article) throws Exception {
		this.kafka.send(Topics.ARTICLES_RAW, article.id(), article).get();
	}

	private JsonNode awaitDocument(String id) {
		JsonNode[] document = new JsonNode[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
			GetResponse<JsonNode> response = this.elasticsearch
				.get((request) -> request.index(ArticleIndex.ALIAS).id(id), JsonNode.class);
			assertThat(response.found()).as("document %s in %s", id, ArticleIndex.ALIAS).isTrue();
			document[0] = response.source();
		});
		return document[0];
	}

	private List<ConsumerRecord<String, byte[]>> awaitRecords(String topic, int count) {
		List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			this.downstream.poll(Duration.ofMillis(200)).records(topic).forEach(records::add);
			assertThat(records).hasSizeGreaterThanOrEqualTo(count);
		});
		return records;
	}

}
