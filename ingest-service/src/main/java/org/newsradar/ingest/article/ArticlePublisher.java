package org.newsradar.ingest.article;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.newsradar.events.ArticleIngested;
import org.newsradar.events.CloudEvents;
import org.newsradar.events.Topics;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

/**
 * Publishes articles to {@code articles.raw}, keyed by article id, with CloudEvents
 * binary-mode headers and the content fingerprint {@link SeenArticles} rebuilds from.
 */
@Component
class ArticlePublisher {

	static final String SOURCE = "/newsradar/ingest-service";

	private final KafkaTemplate<String, Object> kafka;

	ArticlePublisher(KafkaTemplate<String, Object> kafka) {
		this.kafka = kafka;
	}

	CompletableFuture<SendResult<String, Object>> publish(ArticleIngested article, String fingerprint) {
		ProducerRecord<String, Object> record = new ProducerRecord<>(Topics.ARTICLES_RAW, article.id(), article);
		Headers headers = record.headers();
		headers.add(CloudEvents.ID, bytes(UUID.randomUUID().toString()));
		headers.add(CloudEvents.TYPE, bytes(CloudEvents.ARTICLE_INGESTED));
		headers.add(CloudEvents.SOURCE, bytes(SOURCE));
		headers.add(CloudEvents.SPEC_VERSION, bytes(CloudEvents.SPEC_VERSION_1_0));
		headers.add(CloudEvents.TIME, bytes(DateTimeFormatter.ISO_INSTANT.format(article.ingestedAt())));
		headers.add(CloudEvents.CONTENT_TYPE, bytes(CloudEvents.JSON));
		headers.add(SeenArticles.FINGERPRINT_HEADER, bytes(fingerprint));
		return this.kafka.send(record);
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
