package org.newsradar.alert.raised;

import java.io.IOException;
import java.time.Clock;
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
import org.newsradar.alert.rule.RuleStore;
import org.newsradar.alert.rule.RulesLoaded;
import org.newsradar.events.AlertRaised;
import org.newsradar.events.ArticleEnriched;
import org.newsradar.events.ArticleIds;
import org.newsradar.events.CloudEvents;
import org.newsradar.events.Topics;
import org.newsradar.kafka.EventPublisher;
import org.newsradar.kafka.PoisonMessageException;
import org.newsradar.kafka.RecordObservations;
import org.newsradar.operations.ThroughputLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.MessageListenerContainer;
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

	static final String LISTENER_ID = "alert-service-articles";

	/**
	 * Alerts are also logged here, one readable line each, for people watching the
	 * console.
	 */
	private static final Logger alertLog = LoggerFactory.getLogger("newsradar.alerts");

	private static final Logger logger = LoggerFactory.getLogger(AlertService.class);

	private final RuleStore rules;

	private final RuleMatcher matcher;

	private final AlertStore store;

	private final Deliveries deliveries;

	private final EventPublisher publisher;

	private final Clock clock;

	private final ThroughputLog matched;

	private final RecordObservations observations;

	private final Counter raisedCount;

	private final Counter matchedCount;

	private final KafkaListenerEndpointRegistry listeners;

	AlertService(RuleStore rules, RuleMatcher matcher, AlertStore store, Deliveries deliveries,
			EventPublisher publisher, RecordObservations observations, MeterRegistry metrics,
			KafkaListenerEndpointRegistry listeners, Clock clock) {
		this.clock = clock;
		this.matched = new ThroughputLog(logger, "Articles matched", ThroughputLog.EVERY, clock);
		this.rules = rules;
		this.listeners = listeners;
		this.observations = observations;
		this.raisedCount = Counter.builder("newsradar.alerts.raised")
			.description("Alerts raised: the first match of a rule in a story")
			.register(metrics);
		this.matchedCount = Counter.builder("newsradar.articles.matched")
			.description("Articles matched against every rule, their alerts raised and published")
			.register(metrics);
		this.matcher = matcher;
		this.store = store;
		this.deliveries = deliveries;
		this.publisher = publisher;
	}

	/**
	 * Starts reading articles once the rules saved before this instance started are all
	 * known: an article matched against part of the rules would be committed without the
	 * alerts of the others.
	 */
	@EventListener
	void onRulesLoaded(RulesLoaded loaded) {
		MessageListenerContainer container = this.listeners.getListenerContainer(LISTENER_ID);
		if (container != null && !container.isRunning()) {
			logger.info("{} rules loaded; matching articles from {}", loaded.rules(), Topics.ARTICLES_ENRICHED);
			container.start();
		}
	}

	/**
	 * Takes the articles a poll returned together: one bulk request raises their alerts,
	 * so the cost of a round trip to Elasticsearch is shared when articles come fast.
	 * Before matching, the rules catch up with every save acknowledged so far, here or on
	 * another instance (after a rebalance or a reconnect as much as at start).
	 */
	@KafkaListener(id = LISTENER_ID, topics = Topics.ARTICLES_ENRICHED, batch = "true", autoStartup = "false")
	void onArticles(List<ConsumerRecord<String, ArticleEnriched>> records) {
		List<Observation> traces = this.observations.start(records);
		try {
			this.rules.catchUp(this.publisher.ackTimeout());
			onArticles(records, traces);
		}
		catch (BatchListenerFailedException ex) {
			throw ex;
		}
		catch (IOException | RuntimeException ex) {
			// Retried from Kafka rather than from memory: the error handler seeks back to
			// the first record and polls again after its backoff, so after a rebalance
			// meanwhile each record is read again by the consumer that owns it now, and
			// nothing is committed for a batch still in hand.
			throw new BatchListenerFailedException("Articles not processed: " + ex.getMessage(), ex, records.get(0));
		}
		finally {
			RecordObservations.stop(traces);
		}
	}

	/**
	 * Matches the readable articles together (the articles of a chunk share the search of
	 * the rules, see {@link RuleMatcher#match(List)}); each alert is published and logged
	 * in the trace of the article that raised it. A record that can never be processed
	 * (not a readable article, one the matcher fails on, or one whose alert Elasticsearch
	 * refuses as invalid) goes to the dead-letter topic once the records before it are
	 * done; those after it are read again. Anything else that fails (Elasticsearch or
	 * Kafka away) fails the batch, which the error handler retries with backoff for as
	 * long as it takes.
	 */
	private void onArticles(List<ConsumerRecord<String, ArticleEnriched>> records, List<Observation> traces)
			throws IOException {
		List<AlertStore.Raised> raised = new ArrayList<>();
		Map<String, Integer> indexOf = new HashMap<>();
		Map<String, Observation> traceByArticle = new HashMap<>();
		Instant now = Instant.now(this.clock);
		int poison = -1;
		String why = null;
		List<ArticleEnriched> articles = new ArrayList<>(records.size());
		for (ConsumerRecord<String, ArticleEnriched> record : records) {
			ArticleEnriched article = record.value();
			if (article == null || article.id() == null) {
				poison = articles.size();
				why = "not a readable enriched article";
				break;
			}
			indexOf.putIfAbsent(article.id(), articles.size());
			traceByArticle.put(article.id(), traces.get(articles.size()));
			articles.add(article);
		}
		List<List<RuleMatch>> matches;
		try {
			matches = this.matcher.match(articles);
		}
		catch (RuntimeException ex) {
			// Matching is computation on the articles alone: an article it fails on fails
			// the same way every time. Matched one by one, the articles before it are
			// kept.
			matches = new ArrayList<>();
			for (ArticleEnriched article : articles) {
				try {
					matches.add(this.matcher.match(article));
				}
				catch (RuntimeException failed) {
					poison = matches.size();
					why = "cannot be matched: " + failed.getMessage();
					break;
				}
			}
		}
		for (int i = 0; i < matches.size(); i++) {
			for (RuleMatch match : matches.get(i)) {
				raised.add(new AlertStore.Raised(alert(match, articles.get(i), now), articles.get(i)));
			}
		}
		AlertStore.Outcome outcome = this.store.raise(raised);
		for (Map.Entry<String, String> refused : outcome.refused().entrySet()) {
			int index = indexOf.get(refused.getKey());
			if (poison < 0 || index < poison) {
				poison = index;
				why = "Elasticsearch refused its alert: " + refused.getValue();
			}
		}
		int end = (poison < 0) ? records.size() : poison;
		publish(outcome.toPublish().stream().filter((alert) -> indexOf.get(alert.articleId()) < end).toList(),
				traceByArticle);
		this.matched.add(end);
		this.matchedCount.increment(end);
		if (poison >= 0) {
			throw new BatchListenerFailedException(why + " at " + describe(records.get(poison)),
					new PoisonMessageException(why, null), records.get(poison));
		}
	}

	/**
	 * Queues the deliveries of new alerts and publishes them on the {@code alerts} topic.
	 */
	private void publish(List<AlertRaised> toPublish, Map<String, Observation> traceByArticle) throws IOException {
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
		this.publisher.awaitAcknowledged(sends);
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
		if (alertLog.isInfoEnabled()) {
			alertLog.info(line(alert));
		}
	}

	/**
	 * An alert on one line, as the log and {@code ./newsradar alerts} show it:
	 * {@code ALERT [rule] title | language | countries | topics [...] | matched [...] | story id}.
	 */
	static String line(AlertRaised alert) {
		List<String> terms = (alert.match() != null) ? alert.match().terms() : List.of();
		return "ALERT [" + alert.ruleName() + "] " + oneLine(alert.title()) + " | " + alert.language() + " | "
				+ String.join(" ", alert.countries()) + " | topics " + alert.topics() + " | matched " + terms
				+ " | story " + alert.storyId();
	}

	private static String oneLine(String text) {
		return (text != null) ? text.replaceAll("\\s+", " ") : "";
	}

}
