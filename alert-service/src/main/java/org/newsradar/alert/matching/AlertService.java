package org.newsradar.alert.matching;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.newsradar.alert.AlertProperties;
import org.newsradar.alert.rule.RuleStore;
import org.newsradar.alert.rule.WatchRule;
import org.newsradar.events.AlertRaised;
import org.newsradar.events.ArticleEnriched;
import org.newsradar.events.ArticleIds;
import org.newsradar.events.CloudEvents;
import org.newsradar.events.Topics;
import org.newsradar.kafka.EventPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Service;

/**
 * Raises an alert the first time a rule matches an article of a story; later articles of
 * the same story (another outlet, another language) raise nothing new. The alert is on
 * the {@code alerts} topic before the article's offset is committed.
 */
@Service
class AlertService {

	private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * Alerts are also logged here, one readable line each, for people watching the
	 * console.
	 */
	private static final Logger alertLog = LoggerFactory.getLogger("newsradar.alerts");

	private final RuleStore rules;

	private final RuleMatcher matcher;

	private final EventPublisher publisher;

	private final AlertProperties properties;

	private final Clock clock = Clock.systemUTC();

	private final Set<String> raised = ConcurrentHashMap.newKeySet();

	AlertService(RuleStore rules, RuleMatcher matcher, EventPublisher publisher, AlertProperties properties) {
		this.rules = rules;
		this.matcher = matcher;
		this.publisher = publisher;
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
		EventPublisher.awaitAll(List.of(this.publisher.publish(Topics.ALERTS, alert.ruleId(), alert,
				CloudEvents.ALERT_RAISED, alert.matchedAt())), PUBLISH_TIMEOUT);
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

}
