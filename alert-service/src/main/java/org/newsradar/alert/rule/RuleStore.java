package org.newsradar.alert.rule;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * The rules, held in memory and kept in the compacted {@code watch-rules} topic. Writes
 * go to the topic first (acknowledged by all replicas) and then to memory; every instance
 * also follows the topic from its beginning, with a consumer group of its own, so it
 * rebuilds all rules at start and sees the changes other instances make. Each change is
 * announced as {@link RulesChanged}, a batch of records at a time.
 */
@Component
public class RuleStore {

	private static final Logger logger = LoggerFactory.getLogger(RuleStore.class);

	private final Map<String, WatchRule> rules = new ConcurrentHashMap<>();

	private final KafkaTemplate<String, Object> kafka;

	private final ApplicationEventPublisher events;

	RuleStore(KafkaTemplate<String, Object> kafka, ApplicationEventPublisher events) {
		this.kafka = kafka;
		this.events = events;
	}

	public Optional<WatchRule> find(String id) {
		return Optional.ofNullable(this.rules.get(id));
	}

	public Collection<WatchRule> all() {
		return this.rules.values();
	}

	List<WatchRule> sorted() {
		return this.rules.values().stream().sorted(Comparator.comparing(WatchRule::name)).toList();
	}

	void save(WatchRule rule) {
		write(rule.id(), rule);
		apply(List.of(rule), List.of());
	}

	boolean delete(String id) {
		if (!this.rules.containsKey(id)) {
			return false;
		}
		write(id, null);
		apply(List.of(), List.of(id));
		return true;
	}

	@KafkaListener(topics = Topics.WATCH_RULES, containerFactory = "rulesContainerFactory",
			groupId = "alert-service-rules-#{T(java.util.UUID).randomUUID()}",
			properties = "auto.offset.reset=earliest")
	void onRecords(List<ConsumerRecord<String, WatchRule>> records) {
		Map<String, WatchRule> saved = new LinkedHashMap<>();
		Set<String> deleted = new LinkedHashSet<>();
		for (ConsumerRecord<String, WatchRule> record : records) {
			if (record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
				logger.error("Skipping unreadable rule {} at {}-{}@{}", record.key(), record.topic(),
						record.partition(), record.offset());
			}
			else if (record.value() == null) {
				saved.remove(record.key());
				deleted.add(record.key());
			}
			else {
				deleted.remove(record.key());
				saved.put(record.key(), record.value().withId(record.key()));
			}
		}
		apply(List.copyOf(saved.values()), List.copyOf(deleted));
		logger.debug("Rules: {} saved, {} deleted", saved.size(), deleted.size());
	}

	private synchronized void apply(List<WatchRule> saved, List<String> deleted) {
		saved.forEach((rule) -> this.rules.put(rule.id(), rule));
		deleted.forEach(this.rules::remove);
		this.events.publishEvent(new RulesChanged(saved, deleted));
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
