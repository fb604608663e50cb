package org.newsradar.enrich.flow;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newsradar.events.ArticleIngested;
import org.newsradar.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Receives batches of raw articles and hands them on.
 */
@Component
class RawArticleListener {

	private final EnrichmentFlow flow;

	RawArticleListener(EnrichmentFlow flow) {
		this.flow = flow;
	}

	@KafkaListener(topics = Topics.ARTICLES_RAW, batch = "true")
	void onArticles(List<ConsumerRecord<String, ArticleIngested>> records) {
		this.flow.process(records);
	}

}
