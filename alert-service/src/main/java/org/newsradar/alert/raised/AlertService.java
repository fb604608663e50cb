package org.newsradar.alert.raised;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newsradar.alert.delivery.Deliveries;
import org.newsradar.alert.matching.RuleMatch;
import org.newsradar.alert.matching.RuleMatcher;
import org.newsradar.events.AlertRaised;
import org.newsradar.events.ArticleEnriched;
import org.newsradar.events.ArticleIds;
import org.newsradar.events.CloudEvents;
import org.newsradar.events.Topics;
import org.newsradar.kafka.EventPublisher;
import org.newsradar.kafka.PoisonMessageException;
import org.newsradar.kafka.RecordObservations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Service;

/**
 * Matches each enriched article against the rules and raises an alert the first time a
 * rule matches an article of a story; later articles of the story (another outlet,
 * another language) are attached to that alert and raise nothing new. An alert is in the
 * {@code alerts} index, its deliveries are queued and it is on the {@code alerts} topic
 * before the article's offset is committed; a failure anywhere retries the article, which
 * finds what was already done.
 */
@Service
class AlertService {

	private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * Alerts are also logged here, one readable line each, for people watching the
	 * console.
	 */
	private static final Logger alertLog = LoggerFactory.getLogger("newsradar.alerts");

	private final RuleMatcher matcher;

	private final AlertStore store;

	private final Deliveries deliveries;

	private final EventPublisher publisher;

	private final Clock clock = Clock.systemUTC();

	private final RecordObservations observations;

	private final Counter raisedCount;

	AlertService(RuleMatcher matcher, AlertStore store, Deliveries deliveries, EventPublisher publisher,
			RecordObservations observations, MeterRegistry metrics) {
		this.observations = observations;
		this.raisedCount = Counter.builder("newsradar.alerts.raised")
			.description("Alerts raised: the first match of a rule in a story")
			.register(metrics);
		this.matcher = matcher;
		this.store = store;
		this.deliveries = deliveries;
		this.publisher = publisher;
	}

	/**
	 * Takes the articles a poll returned together: one bulk request raises their alerts,
	 * so the cost of a round trip to Elasticsearch is shared when articles come fast.
	 */
	@KafkaListener(topics = Topics.ARTICLES_ENRICHED, batch = "true")
	void onArticles(List<ConsumerRecord<String, ArticleEnriched>> records) throws IOException {
		List<Observation> traces = this.observations.start(records);
		try {
			onArticles(records, traces);
		}
		finally {
			RecordObservations.stop(traces);
		}
	}

	/**
	 * Matches each article in its record's trace; each alert is published and logged in
	 * the trace of the article that raised it.
	 */
	private void onArticles(List<ConsumerRecord<String, ArticleEnriched>> records, List<Observation> traces)
			throws IOException {
		List<AlertStore.Raised> raised = new ArrayList<>();
		Map<String, Observation> traceByArticle = new HashMap<>();
		Instant now = Instant.now(this.clock);
		for (int i = 0; i < records.size(); i++) {
			ArticleEnriched article = records.get(i).value();
			if (article == null || article.id() == null) {
				// Raise what the readable articles before it matched, then dead-letter
				// it.
				raise(raised, traceByArticle);
				throw new BatchListenerFailedException("Unreadable article at " + describe(records.get(i)),
						new PoisonMessageException("not a readable enriched article", null), i);
			}
			traceByArticle.put(article.id(), traces.get(i));
			try (Observation.Scope scope = traces.get(i).openScope()) {
				for (RuleMatch match : this.matcher.match(article)) {
					raised.add(new AlertStore.Raised(alert(match, article, now), article));
				}
			}
		}
		raise(raised, traceByArticle);
	}

	private void raise(List<AlertStore.Raised> raised, Map<String, Observation> traceByArticle) throws IOException {
		List<AlertRaised> toPublish = this.store.raise(raised);
		if (toPublish.isEmpty()) {
			return;
		}
		this.deliveries.queue(toPublish);
		List<CompletableFuture<?>> sends = new ArrayList<>(toPublish.size());
		for (AlertRaised alert : toPublish) {
			try (Observation.Scope scope = traceOf(alert, traceByArticle).openScope()) {
				sends.add(this.publisher.publish(Topics.ALERTS, alert.ruleId(), alert, CloudEvents.ALERT_RAISED,
						alert.matchedAt()));
			}
		}
		EventPublisher.awaitAll(sends, PUBLISH_TIMEOUT);
		this.raisedCount.increment(toPublish.size());
		for (AlertRaised alert : toPublish) {
			try (Observation.Scope scope = traceOf(alert, traceByArticle).openScope()) {
				log(alert);
			}
		}
	}

	private static Observation traceOf(AlertRaised alert, Map<String, Observation> traceByArticle) {
		return traceByArticle.getOrDefault(alert.articleId(), Observation.NOOP);
	}

	private static String describe(ConsumerRecord<?, ?> record) {
		return record.topic() + "-" + record.partition() + "@" + record.offset();
	}

	private static AlertRaised alert(RuleMatch match, ArticleEnriched article, Instant now) {
		String storyId = (article.storyId() != null) ? article.storyId() : article.id();
		return new AlertRaised(ArticleIds.combine(match.rule().id(), storyId), match.rule().id(), match.rule().name(),
				storyId, article.id(), article.title(), article.url(), match.snippet(), article.language(),
				article.countries(), article.topics(), article.statement(), article.publishedAt(), now,
				article.source(), match.match());
	}

	private static void log(AlertRaised alert) {
		alertLog.info("ALERT [{}] {} | {} | {} | topics {} | matched {} | story {}", alert.ruleName(), alert.title(),
				alert.language(), String.join(" ", alert.countries()), alert.topics(), alert.match().terms(),
				alert.storyId());
	}

}
