package org.newsradar.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * A compacted topic read as a table by every instance: all its partitions are read from
 * the beginning (assigned, not subscribed, so there is no consumer group and no
 * rebalance), each batch of records is handed to the owner, and the view keeps following
 * the topic while the service runs.
 * <p>
 * Two promises make it safe to act on: the view is <em>loaded</em> once it has reached
 * the end offsets the topic had when the view started, and {@link #catchUp} returns only
 * once it has reached the end offsets the topic has at the moment of the call, so whoever
 * calls it has seen every record whose write was acknowledged before. A broker that is
 * away is waited for, with a log line per attempt and a growing pause between attempts.
 *
 * @param <V> the value type
 */
public final class CompactedTopicView<V> implements SmartLifecycle {

	/**
	 * The phase for an owner that must have read its view before it serves: after the web
	 * server has started ({@code Integer.MAX_VALUE - 2048}), so that the probes answer
	 * while Kafka is waited for, and before the Kafka listeners
	 * ({@code Integer.MAX_VALUE - 100}).
	 */
	public static final int AFTER_WEB_SERVER = Integer.MAX_VALUE - 1536;

	private static final Logger logger = LoggerFactory.getLogger(CompactedTopicView.class);

	private static final Duration POLL = Duration.ofMillis(200);

	private static final Duration KAFKA_TIMEOUT = Duration.ofSeconds(10);

	private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

	private final String topic;

	private final Map<String, Object> consumerConfig;

	private final Map<String, Object> adminConfig;

	private final Deserializer<V> values;

	private final Updates<V> updates;

	private final Runnable onLoaded;

	/** Next offset to read, per partition, once what comes before it was applied. */
	private final Map<TopicPartition, Long> positions = new ConcurrentHashMap<>();

	private final Object progress = new Object();

	private volatile Map<TopicPartition, Long> endAtStart;

	private volatile boolean loaded;

	private volatile boolean running;

	private volatile Consumer<String, V> consumer;

	private Thread follower;

	private Admin admin;

	CompactedTopicView(String topic, Map<String, Object> consumerConfig, Map<String, Object> adminConfig,
			Deserializer<V> values, Updates<V> updates, Runnable onLoaded) {
		this.topic = topic;
		this.consumerConfig = consumerConfig;
		this.adminConfig = adminConfig;
		this.values = values;
		this.updates = updates;
		this.onLoaded = onLoaded;
	}

	/**
	 * What the owner does with records: it must not lose them, since the view moves past
	 * a batch once this returns; when it throws, the batch is read and applied again
	 * after a pause.
	 *
	 * @param <V> the value type
	 */
	@FunctionalInterface
	public interface Updates<V> {

		/**
		 * @param records the records of one poll, in offset order per partition; a null
		 * value deletes its key
		 */
		void apply(List<ConsumerRecord<String, V>> records);

	}

	/** Whether the view has read everything the topic held when it started. */
	public boolean isLoaded() {
		return this.loaded;
	}

	/**
	 * How many records the view is behind the end offsets the topic had when it started
	 * (before it is loaded), or {@code -1} while it cannot yet reach the topic.
	 */
	public long behindAtStart() {
		Map<TopicPartition, Long> end = this.endAtStart;
		return (end != null) ? behind(end) : -1;
	}

	/**
	 * Waits until the view has applied every record the topic holds now.
	 * @param timeout how long to wait at most
	 * @throws IllegalStateException when the view is still behind after {@code timeout},
	 * or Kafka did not say where the topic ends
	 */
	public void catchUp(Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		await(deadline, () -> this.loaded, () -> "still loading, " + behindAtStart() + " records to go");
		Map<TopicPartition, Long> end = endOffsetsNow(deadline);
		await(deadline, () -> reached(end), () -> behind(end) + " records behind");
	}

	/**
	 * Returns once the view has read what the topic held when it started, waiting for
	 * Kafka as long as it takes.
	 * @param step how long one attempt waits before the outage is noted
	 * @param waiting where the wait is said (once a minute)
	 */
	public void awaitLoaded(Duration step, OutageLog waiting) {
		while (!this.loaded) {
			try {
				catchUp(step);
			}
			catch (IllegalStateException ex) {
				waiting.failed(ex.getMessage());
			}
		}
	}

	private void await(long deadline, BooleanSupplier done, Supplier<String> state) {
		synchronized (this.progress) {
			while (!done.getAsBoolean()) {
				long left = deadline - System.nanoTime();
				if (left <= 0 || !this.running) {
					throw new IllegalStateException("The view of " + this.topic + " is not current: " + state.get());
				}
				try {
					TimeUnit.NANOSECONDS.timedWait(this.progress, left);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while waiting for the view of " + this.topic, ex);
				}
			}
		}
	}

	private Map<TopicPartition, Long> endOffsetsNow(long deadline) {
		Map<TopicPartition, OffsetSpec> latest = this.positions.keySet()
			.stream()
			.collect(Collectors.toMap(Function.identity(), (partition) -> OffsetSpec.latest()));
		try {
			return this.admin.listOffsets(latest)
				.all()
				.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)
				.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, (entry) -> entry.getValue().offset()));
		}
		catch (ExecutionException | TimeoutException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new IllegalStateException("Kafka did not say where " + this.topic + " ends: " + cause.getMessage(),
					ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while asking where " + this.topic + " ends", ex);
		}
	}

	private boolean reached(Map<TopicPartition, Long> end) {
		return end != null && behind(end) == 0;
	}

	private long behind(Map<TopicPartition, Long> end) {
		return end.entrySet()
			.stream()
			.mapToLong((entry) -> Math.max(0, entry.getValue() - this.positions.getOrDefault(entry.getKey(), 0L)))
			.sum();
	}

	@Override
	public void start() {
		this.admin = Admin.create(this.adminConfig);
		this.running = true;
		this.follower = Thread.ofPlatform().name("view-" + this.topic).daemon().start(this::follow);
	}

	private void follow() {
		long startedAt = System.nanoTime();
		int failures = 0;
		try (Consumer<String, V> consumer = new KafkaConsumer<>(this.consumerConfig, new StringDeserializer(),
				this.values)) {
			this.consumer = consumer;
			while (this.running) {
				try {
					if (this.endAtStart == null) {
						assign(consumer);
					}
					ConsumerRecords<String, V> records = consumer.poll(POLL);
					if (!records.isEmpty()) {
						apply(consumer, records);
					}
					advance(consumer, startedAt);
					failures = 0;
				}
				catch (WakeupException ex) {
					// stop() woke the poll up.
				}
				catch (RuntimeException ex) {
					if (!this.running) {
						break;
					}
					failures++;
					Duration pause = pause(failures);
					logger.warn("Cannot read {} (attempt {}), trying again in {} s: {}", this.topic, failures,
							pause.toSeconds(), ListenerFailures.cause(ex));
					sleep(pause);
				}
			}
		}
		finally {
			this.consumer = null;
			synchronized (this.progress) {
				this.progress.notifyAll();
			}
		}
	}

	private void assign(Consumer<String, V> consumer) {
		List<TopicPartition> partitions = consumer.partitionsFor(this.topic, KAFKA_TIMEOUT)
			.stream()
			.map((info) -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		if (partitions.isEmpty()) {
			throw new IllegalStateException("topic " + this.topic + " does not exist yet");
		}
		consumer.assign(partitions);
		consumer.seekToBeginning(partitions);
		Map<TopicPartition, Long> end = consumer.endOffsets(partitions, KAFKA_TIMEOUT);
		partitions.forEach((partition) -> this.positions.put(partition, 0L));
		this.endAtStart = end;
	}

	/** Hands a batch to the owner; if the owner fails, the batch is read again. */
	private void apply(Consumer<String, V> consumer, ConsumerRecords<String, V> records) {
		List<ConsumerRecord<String, V>> batch = new ArrayList<>(records.count());
		records.forEach(batch::add);
		try {
			this.updates.apply(batch);
		}
		catch (RuntimeException ex) {
			records.partitions()
				.forEach((partition) -> consumer.seek(partition, records.records(partition).get(0).offset()));
			throw ex;
		}
	}

	private void advance(Consumer<String, V> consumer, long startedAt) {
		consumer.assignment()
			.forEach((partition) -> this.positions.put(partition, consumer.position(partition, KAFKA_TIMEOUT)));
		if (!this.loaded && reached(this.endAtStart)) {
			long records = this.endAtStart.values().stream().mapToLong(Long::longValue).sum();
			logger.info("Read {} to the end ({} offsets) in {} ms", this.topic, records,
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedAt));
			this.loaded = true;
			this.onLoaded.run();
		}
		synchronized (this.progress) {
			this.progress.notifyAll();
		}
	}

	private static Duration pause(int failures) {
		long seconds = 1L << Math.min(failures - 1, 5);
		return Duration.ofSeconds(Math.min(seconds, MAX_PAUSE.toSeconds()));
	}

	/** Waits before the next attempt; {@link #stop} ends the wait. */
	private void sleep(Duration pause) {
		synchronized (this.progress) {
			try {
				if (this.running) {
					this.progress.wait(pause.toMillis());
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				this.running = false;
			}
		}
	}

	@Override
	public void stop() {
		this.running = false;
		Consumer<String, V> current = this.consumer;
		if (current != null) {
			current.wakeup();
		}
		synchronized (this.progress) {
			this.progress.notifyAll();
		}
		if (this.follower != null) {
			try {
				this.follower.join(Duration.ofSeconds(10));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (this.admin != null) {
			this.admin.close(Duration.ofSeconds(2));
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Early, before the web server and the listener containers, so that the view is
	 * reading by the time either needs it (neither waits for it here).
	 */
	@Override
	public int getPhase() {
		return 0;
	}

}
