package org.newsradar.alert.rule;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.newsradar.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * The rules, held in memory and kept in the compacted {@code watch-rules} topic. Writes
 * go to the topic first (acknowledged by all replicas) and then to memory; every instance
 * also follows the topic from its beginning, with a consumer group of its own, so it
 * rebuilds all rules at start and sees the changes other instances make.
 */
@Component
public class RuleStore {

	private static final Logger logger = LoggerFactory.getLogger(RuleStore.class);

	private final Map<String, WatchRule> rules = new ConcurrentHashMap<>();

	private final KafkaTemplate<String, Object> kafka;

	RuleStore(KafkaTemplate<String, Object> kafka) {
		this.kafka = kafka;
	}

	public Collection<WatchRule> all() {
		return this.rules.values();
	}

	List<WatchRule> sorted() {
		return this.rules.values().stream().sorted(Comparator.comparing(WatchRule::name)).toList();
	}

	Optional<WatchRule> find(String id) {
		return Optional.ofNullable(this.rules.get(id));
	}

	void save(WatchRule rule) {
		write(rule.id(), rule);
		this.rules.put(rule.id(), rule);
	}

	boolean delete(String id) {
		if (!this.rules.containsKey(id)) {
			return false;
		}
		write(id, null);
		this.rules.remove(id);
		return true;
	}

	@KafkaListener(topics = Topics.WATCH_RULES, containerFactory = "rulesContainerFactory",
			groupId = "alert-service-rules-#{T(java.util.UUID).randomUUID()}",
			properties = "auto.offset.reset=earliest")
	void onRuleChanged(ConsumerRecord<String, WatchRule> record) {
		if (record.value() == null) {
			this.rules.remove(record.key());
		}
		else {
			this.rules.put(record.key(), record.value());
		}
		logger.debug("Rule {} {}", record.key(), (record.value() == null) ? "deleted" : "saved");
	}

	private void write(String id, WatchRule rule) {
		try {
			this.kafka.send(new ProducerRecord<>(Topics.WATCH_RULES, id, rule)).get(30, TimeUnit.SECONDS);
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("Kafka did not store rule " + id + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while storing rule " + id, ex);
		}
	}

}
