package org.newsradar.alert.rule;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.newsradar.events.CloudEvents;
import org.newsradar.events.Topics;
import org.newsradar.kafka.CompactedTopicView;
import org.newsradar.kafka.CompactedTopicViews;
import org.newsradar.kafka.EventPublisher;
import org.newsradar.kafka.KafkaJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * The rules, held in memory and kept in the compacted {@code watch-rules} topic. Writes
 * go to the topic first (acknowledged by all replicas) and then to memory; every instance
 * also reads the topic from its beginning through a {@link CompactedTopicView}, so it
 * rebuilds all rules at start and sees the changes other instances make. The history
 * found at start is announced once it is read, as one {@link RulesChanged} holding every
 * rule it left (a rule saved and deleted in it is never compiled), then
 * {@link RulesLoaded}; each later change as {@link RulesChanged}, a batch of records at a
 * time.
 */
@Component
public class RuleStore implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(RuleStore.class);

	private final Map<String, WatchRule> rules = new ConcurrentHashMap<>();

	private final ApplicationEventPublisher events;

	private final CompactedTopicView<WatchRule> view;

	/** Longest wait for Kafka to store a rule, or for the view to catch up. */
	private final Duration timeout;

	private final EventPublisher publisher;

	/**
	 * Whether the history read at start was announced; changes wait for it until then.
	 */
	private boolean announced;

	/** The time each change is made at (its CloudEvents {@code time}). */
	private final Clock clock;

	RuleStore(ApplicationEventPublisher events, CompactedTopicViews views, JsonMapper json, EventPublisher publisher,
			Clock clock) {
		this.clock = clock;
		this.timeout = publisher.ackTimeout();
		this.publisher = publisher;
		this.events = events;
		this.view = views.create(Topics.WATCH_RULES, KafkaJson.deserializer(WatchRule.class, json), this::onRecords,
				this::announceHistory);
	}

	public Optional<WatchRule> find(String id) {
		return Optional.ofNullable(this.rules.get(id));
	}

	public Collection<WatchRule> all() {
		return this.rules.values();
	}

	/** Whether every rule saved before this instance started is known. */
	public boolean isLoaded() {
		return this.view.isLoaded();
	}

	/**
	 * Returns once every rule whose save Kafka acknowledged before this call, here or on
	 * another instance, is known (and announced).
	 * @param timeout how long to wait at most
	 * @throws IllegalStateException when the rules are still behind after the timeout
	 */
	public void catchUp(Duration timeout) {
		this.view.catchUp(timeout);
	}

	/**
	 * How many {@code watch-rules} records are still to be read before the rules are
	 * loaded, {@code -1} while Kafka cannot be reached.
	 */
	public long loading() {
		return this.view.behindAtStart();
	}

	/** The rules sorted by name, as they are after every acknowledged save. */
	List<WatchRule> sorted() {
		current();
		return this.rules.values().stream().sorted(Comparator.comparing(WatchRule::name)).toList();
	}

	/** The rule as it is after every acknowledged save. */
	Optional<WatchRule> findCurrent(String id) {
		current();
		return find(id);
	}

	void save(WatchRule rule) {
		write(rule.id(), rule);
		apply(List.of(rule), List.of());
	}

	/**
	 * Saves many rules at once: every record is sent, then every acknowledgement awaited,
	 * and the rules Kafka stored are applied together. Each rule is one record, so each
	 * is saved whole or not at all.
	 * @param rules the rules, checked, each under its own id
	 * @return why Kafka did not store a rule, by its position in {@code rules} (empty
	 * when all were stored)
	 */
	Map<Integer, String> saveAll(List<WatchRule> rules) {
		List<CompletableFuture<?>> sends = new ArrayList<>(rules.size());
		for (WatchRule rule : rules) {
			try {
				sends.add(this.publisher.publish(Topics.WATCH_RULES, rule.id(), rule, CloudEvents.RULE_SAVED,
						this.clock.instant()));
			}
			catch (KafkaException ex) {
				sends.add(CompletableFuture.failedFuture(ex));
			}
		}
		long deadline = System.nanoTime() + this.timeout.toNanos();
		Map<Integer, String> failed = new LinkedHashMap<>();
		List<WatchRule> stored = new ArrayList<>(rules.size());
		for (int i = 0; i < rules.size(); i++) {
			try {
				sends.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
				stored.add(rules.get(i));
			}
			catch (ExecutionException | TimeoutException ex) {
				failed.put(i, "Kafka did not store it: " + ((ex.getCause() != null) ? ex.getCause() : ex)
						+ ". Nothing of it was saved; retry later.");
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new RulesUnavailableException("Interrupted while storing rules", ex);
			}
		}
		apply(stored, List.of());
		return failed;
	}

	boolean delete(String id) {
		if (findCurrent(id).isEmpty()) {
			return false;
		}
		write(id, null);
		apply(List.of(), List.of(id));
		return true;
	}

	/** Waits until every save acknowledged so far, here or elsewhere, is known. */
	void current() {
		try {
			catchUp(this.timeout);
		}
		catch (IllegalStateException ex) {
			throw new RulesUnavailableException(ex.getMessage(), ex);
		}
	}

	private void onRecords(List<ConsumerRecord<String, WatchRule>> records) {
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
		if (this.announced) {
			this.events.publishEvent(new RulesChanged(saved, deleted));
		}
	}

	private synchronized void announceHistory() {
		this.announced = true;
		this.events.publishEvent(new RulesChanged(List.copyOf(this.rules.values()), List.of()));
		this.events.publishEvent(new RulesLoaded(this.rules.size()));
	}

	private void write(String id, WatchRule rule) {
		try {
			this.publisher
				.publish(Topics.WATCH_RULES, id, rule,
						(rule != null) ? CloudEvents.RULE_SAVED : CloudEvents.RULE_DELETED, this.clock.instant())
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException | KafkaException ex) {
			throw new RulesUnavailableException("Kafka did not store rule " + id + ": " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new RulesUnavailableException("Interrupted while storing rule " + id, ex);
		}
	}

	@Override
	public void start() {
		this.view.start();
	}

	@Override
	public void stop() {
		this.view.stop();
	}

	@Override
	public boolean isRunning() {
		return this.view.isRunning();
	}

	@Override
	public int getPhase() {
		return this.view.getPhase();
	}

}
