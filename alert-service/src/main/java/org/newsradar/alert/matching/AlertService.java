package org.newsradar.alert.matching;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.newsradar.alert.AlertProperties;
import org.newsradar.alert.rule.RuleStore;
import org.newsradar.alert.rule.WatchRule;
import org.newsradar.events.AlertRaised;
import org.newsradar.events.ArticleEnriched;
import org.newsradar.events.ArticleIds;
import org.newsradar.events.CloudEvents;
import org.newsradar.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Service;

/**
 * Raises an alert the first time a rule matches an article of a story; later articles of
 * the same story (another outlet, another language) raise nothing new. The alert is on
 * the {@code alerts} topic before the article's offset is committed.
 */
@Service
class AlertService {

	static final String SOURCE = "/newsradar/alert-service";

	/**
	 * Alerts are also logged here, one readable line each, for people watching the
	 * console.
	 */
	private static final Logger alertLog = LoggerFactory.getLogger("newsradar.alerts");

	private final RuleStore rules;

	private final RuleMatcher matcher;

	private final KafkaTemplate<String, Object> kafka;

	private final AlertProperties properties;

	private final Clock clock = Clock.systemUTC();

	private final Set<String> raised = ConcurrentHashMap.newKeySet();

	AlertService(RuleStore rules, RuleMatcher matcher, KafkaTemplate<String, Object> kafka,
			AlertProperties properties) {
		this.rules = rules;
		this.matcher = matcher;
		this.kafka = kafka;
		this.properties = properties;
	}

	@KafkaListener(topics = Topics.ARTICLES_ENRICHED)
	void onArticle(ArticleEnriched article) {
		for (WatchRule rule : this.matcher.matching(article, this.rules.all())) {
			String storyId = (article.storyId() != null) ? article.storyId() : article.id();
			String alertId = ArticleIds.combine(rule.id(), storyId);
			if (this.raised.add(alertId)) {
				try {
					publish(alert(alertId, rule, storyId, article));
				}
				catch (RuntimeException ex) {
					this.raised.remove(alertId);
					throw ex;
				}
			}
		}
	}

	private AlertRaised alert(String alertId, WatchRule rule, String storyId, ArticleEnriched article) {
		return new AlertRaised(alertId, rule.id(), rule.name(), storyId, article.id(), article.title(), article.url(),
				snippet(article.body()), article.language(), article.countries(), article.topics(), article.statement(),
				article.publishedAt(), Instant.now(this.clock));
	}

	private void publish(AlertRaised alert) {
		ProducerRecord<String, Object> record = new ProducerRecord<>(Topics.ALERTS, alert.ruleId(), alert);
		record.headers().add(CloudEvents.ID, bytes(alert.alertId()));
		record.headers().add(CloudEvents.TYPE, bytes(CloudEvents.ALERT_RAISED));
		record.headers().add(CloudEvents.SOURCE, bytes(SOURCE));
		record.headers().add(CloudEvents.SPEC_VERSION, bytes(CloudEvents.SPEC_VERSION_1_0));
		record.headers().add(CloudEvents.TIME, bytes(DateTimeFormatter.ISO_INSTANT.format(alert.matchedAt())));
		record.headers().add(CloudEvents.CONTENT_TYPE, bytes(CloudEvents.JSON));
		try {
			this.kafka.send(record).get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Publishing alert " + alert.alertId() + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while publishing an alert", ex);
		}
		alertLog.info("ALERT [{}] {} | {} | {} | topics {} | story {}", alert.ruleName(), alert.title(),
				alert.language(), String.join(" ", alert.countries()), alert.topics(), alert.storyId());
	}

	private String snippet(String body) {
		if (body == null) {
			return "";
		}
		String flat = body.replaceAll("\\s+", " ").strip();
		if (flat.length() <= this.properties.snippetLength()) {
			return flat;
		}
		int cut = flat.lastIndexOf(' ', this.properties.snippetLength());
		return flat.substring(0, (cut > 0) ? cut : this.properties.snippetLength()) + " …";
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}

}
