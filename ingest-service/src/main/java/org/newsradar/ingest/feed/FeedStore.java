package org.newsradar.ingest.feed;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newsradar.events.CloudEvents;
import org.newsradar.events.Topics;
import org.newsradar.kafka.CompactedTopicView;
import org.newsradar.kafka.CompactedTopicViews;
import org.newsradar.kafka.EventPublisher;
import org.newsradar.kafka.KafkaJson;
import org.newsradar.kafka.OutageLog;
import org.newsradar.operations.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.support.SendResult;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * The registered feeds and their state, kept in two compacted topics owned by this
 * service: {@code feeds} (registrations, written by the API and the configuration) and
 * {@code feeds.state} (what polling found, written by the instance that polls the feed).
 * Keeping them apart means a poll never undoes a pause or a removal made meanwhile.
 * <p>
 * Every instance reads both topics from the beginning before it starts (alive meanwhile,
 * and answering 503 to the feeds API), then follows them (two
 * {@link CompactedTopicView}s), so each one lists every feed. Who polls a feed is decided
 * by Kafka: all instances join the consumer group {@code ingest-service-feeds} on
 * {@code feeds}, and an instance polls the feeds on the partitions it is assigned.
 */
@Component
public class FeedStore implements SmartLifecycle {

	static final String OWNERS_GROUP = "ingest-service-feeds";

	private static final Logger logger = LoggerFactory.getLogger(FeedStore.class);

	private final Map<String, Registered> feeds = new ConcurrentHashMap<>();

	private final Map<String, FeedState> states = new ConcurrentHashMap<>();

	private final Set<Integer> owned = ConcurrentHashMap.newKeySet();

	private final KafkaProperties kafkaProperties;

	private final CompactedTopicView<Feed> registrations;

	private final CompactedTopicView<FeedState> polls;

	/** Longest wait for Kafka to store a registration. */
	private final Duration timeout;

	private final EventPublisher publisher;

	private volatile boolean running;

	private Thread owner;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	FeedStore(CompactedTopicViews views, KafkaProperties kafkaProperties, JsonMapper json, EventPublisher publisher,
			ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.events = events;
		this.kafkaProperties = kafkaProperties;
		this.timeout = publisher.ackTimeout();
		this.publisher = publisher;
		this.registrations = views.create(Topics.FEEDS, KafkaJson.deserializer(Feed.class, json),
				this::applyRegistrations, () -> logger.info("{} feeds registered", this.feeds.size()));
		this.polls = views.create(Topics.FEED_STATE, KafkaJson.deserializer(FeedState.class, json), this::applyPolls,
				() -> {
				});
	}

	/** A registration and the partition of {@code feeds} it is on. */
	private record Registered(Feed feed, int partition) {

	}

	List<Feed> all() {
		requireLoaded();
		return this.feeds.values()
			.stream()
			.map(Registered::feed)
			.sorted(Comparator.comparing(Feed::addedAt).thenComparing(Feed::id))
			.toList();
	}

	Optional<Feed> find(String id) {
		requireLoaded();
		return Optional.ofNullable(this.feeds.get(id)).map(Registered::feed);
	}

	Optional<Feed> findByUrl(String url) {
		requireLoaded();
		return this.feeds.values().stream().map(Registered::feed).filter((feed) -> feed.url().equals(url)).findFirst();
	}

	/**
	 * Until both topics are read (while Kafka is away at start), the feeds are not known:
	 * a 503 says so rather than an empty list or a registration that could replace one.
	 */
	private void requireLoaded() {
		if (!this.registrations.isLoaded() || !this.polls.isLoaded()) {
			throw new UnavailableException("ingest-service is still reading the registered feeds (" + Topics.FEEDS
					+ ", " + Topics.FEED_STATE + ")", null);
		}
	}

	/** What polling found, or {@code null} before the first poll. */
	FeedState state(String id) {
		return this.states.get(id);
	}

	/** Whether this instance polls the feed. */
	boolean owns(String id) {
		Registered registered = this.feeds.get(id);
		return registered != null && this.owned.contains(registered.partition());
	}

	/** Registers or replaces a feed, once Kafka has stored it. */
	void save(Feed feed) {
		requireLoaded();
		SendResult<String, Object> sent = write(Topics.FEEDS, feed.id(), feed);
		this.feeds.put(feed.id(), new Registered(feed, sent.getRecordMetadata().partition()));
	}

	/** Removes a feed and its state. */
	boolean remove(String id) {
		requireLoaded();
		if (!this.feeds.containsKey(id)) {
			return false;
		}
		write(Topics.FEEDS, id, null);
		write(Topics.FEED_STATE, id, null);
		this.feeds.remove(id);
		this.states.remove(id);
		return true;
	}

	/**
	 * Keeps what a poll found, unless the feed was removed meanwhile: in memory first, so
	 * that the next poll waits its turn (and its backoff) even when Kafka cannot store
	 * it.
	 * @throws IllegalStateException when Kafka did not store it
	 */
	void saveState(String id, FeedState state) {
		if (this.feeds.containsKey(id)) {
			this.states.put(id, state);
			write(Topics.FEED_STATE, id, state);
		}
	}

	private SendResult<String, Object> write(String topic, String id, Object value) {
		try {
			String type = (value == null) ? CloudEvents.FEED_DELETED
					: Topics.FEEDS.equals(topic) ? CloudEvents.FEED_SAVED : CloudEvents.FEED_POLLED;
			return this.publisher.publish(topic, id, value, type, this.clock.instant())
				.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (ExecutionException | TimeoutException | KafkaException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new UnavailableException("Kafka did not store feed " + id + ": " + cause.getMessage()
					+ ". Nothing was changed; retry later.", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while storing feed " + id, ex);
		}
	}

	/**
	 * Reads both topics to their end, waiting for Kafka as long as it takes (a line a
	 * minute says so), then joins the owners' group.
	 */
	@Override
	public void start() {
		this.registrations.start();
		this.polls.start();
		AvailabilityChangeEvent.publish(this.events, this, LivenessState.CORRECT);
		OutageLog waiting = new OutageLog(logger, "Waiting to read the feeds", this.clock);
		this.registrations.awaitLoaded(this.timeout, waiting);
		this.polls.awaitLoaded(this.timeout, waiting);
		this.running = true;
		this.owner = Thread.ofPlatform().name("feed-owners").daemon().start(this::own);
	}

	/**
	 * Keeps this instance in the owners' group on {@code feeds} (whose records it does
	 * not need: the views have them).
	 */
	private void own() {
		try (Consumer<String, byte[]> owners = consumer(OWNERS_GROUP)) {
			owners.subscribe(List.of(Topics.FEEDS), new Ownership());
			while (this.running) {
				try {
					owners.poll(Duration.ofMillis(200));
				}
				catch (WakeupException ex) {
					return;
				}
				catch (RuntimeException ex) {
					logger.warn("Could not stay in the group of feed owners, trying again: {}", ex.getMessage());
					sleep();
				}
			}
		}
	}

	private void applyRegistrations(List<ConsumerRecord<String, Feed>> records) {
		apply(records, this.feeds, (record) -> new Registered(record.value(), record.partition()));
	}

	private void applyPolls(List<ConsumerRecord<String, FeedState>> records) {
		apply(records, this.states, ConsumerRecord::value);
	}

	/**
	 * Puts what each readable record holds under its key, or removes the key for a
	 * tombstone.
	 */
	private static <V, T> void apply(List<ConsumerRecord<String, V>> records, Map<String, T> into,
			Function<ConsumerRecord<String, V>, T> entry) {
		for (ConsumerRecord<String, V> record : records) {
			if (!readable(record)) {
				continue;
			}
			if (record.value() == null) {
				into.remove(record.key());
			}
			else {
				into.put(record.key(), entry.apply(record));
			}
		}
	}

	private static boolean readable(ConsumerRecord<String, ?> record) {
		if (record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) == null) {
			return true;
		}
		logger.error("Skipping unreadable record {} at {}-{}@{}", record.key(), record.topic(), record.partition(),
				record.offset());
		return false;
	}

	private Consumer<String, byte[]> consumer(String group) {
		Map<String, Object> config = this.kafkaProperties.buildConsumerProperties();
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
		config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		return new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer())
			.createConsumer();
	}

	private static void sleep() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Which partitions of {@code feeds}, and so which feeds, this instance polls. */
	private final class Ownership implements ConsumerRebalanceListener {

		@Override
		public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
			partitions.forEach((partition) -> FeedStore.this.owned.add(partition.partition()));
			logger.info("Polling the feeds of partitions {} of {}", FeedStore.this.owned, Topics.FEEDS);
		}

		@Override
		public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
			partitions.forEach((partition) -> FeedStore.this.owned.remove(partition.partition()));
		}

		@Override
		public void onPartitionsLost(Collection<TopicPartition> partitions) {
			onPartitionsRevoked(partitions);
		}

	}

	@Override
	public void stop() {
		this.running = false;
		if (this.owner != null) {
			try {
				this.owner.join(Duration.ofSeconds(5));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		this.polls.stop();
		this.registrations.stop();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** After the web server, before the poller. */
	@Override
	public int getPhase() {
		return CompactedTopicView.AFTER_WEB_SERVER;
	}

}
