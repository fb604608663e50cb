package org.newsradar.kafka;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * What an operator reads in the log while Kafka cannot be reached: one line when it goes,
 * one a minute while it stays away, one when it is back. The Kafka clients' own lines for
 * each reconnection attempt (several a second per client) are turned down to errors in
 * {@code newsradar-operations.properties}, so an outage does not flood the log.
 * <p>
 * When Kafka answers after it did not (a service started before its broker, or a broker
 * that came back empty), the service's topics are created if they are missing: at
 * start-up {@link KafkaAdmin} tries once and gives up, and a compacted view or a listener
 * would wait for its topic for ever. Starts before everything else, so it also speaks
 * while a service waits for Kafka at start.
 */
class KafkaOutageLog implements SmartLifecycle {

	static final Duration CHECK_EVERY = Duration.ofSeconds(10);

	private static final Logger logger = LoggerFactory.getLogger(KafkaOutageLog.class);

	private final KafkaAdmin admin;

	private final OutageLog outage;

	private final BooleanSupplier createMissingTopics;

	private ScheduledExecutorService scheduler;

	private AdminClient client;

	/** Whether the topics were checked (and created) since Kafka last answered. */
	private volatile boolean topicsChecked;

	/**
	 * @param admin the service's admin, whose settings reach the broker
	 * @param clock the time
	 * @param createMissingTopics creates the service's missing topics, saying whether it
	 * could ({@link KafkaAdmin#initialize})
	 */
	KafkaOutageLog(KafkaAdmin admin, Clock clock, BooleanSupplier createMissingTopics) {
		this.admin = admin;
		this.createMissingTopics = createMissingTopics;
		this.outage = new OutageLog(logger, "Kafka cannot be reached ("
				+ admin.getConfigurationProperties().get("bootstrap.servers") + "; readiness is DOWN)", clock);
	}

	@Override
	public synchronized void start() {
		this.client = AdminClient.create(this.admin.getConfigurationProperties());
		this.scheduler = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("kafka-outage-log").factory());
		this.scheduler.scheduleWithFixedDelay(this::check, CHECK_EVERY.toMillis(), CHECK_EVERY.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private void check() {
		try {
			this.client.describeCluster(new DescribeClusterOptions().timeoutMs((int) CHECK_EVERY.toMillis() / 2))
				.clusterId()
				.get(CHECK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
			reachable();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (Exception ex) {
			unreachable(ex);
		}
	}

	/** Notes that Kafka answered, and creates the topics that are missing. */
	void reachable() {
		this.outage.succeeded();
		if (!this.topicsChecked) {
			this.topicsChecked = this.createMissingTopics.getAsBoolean();
		}
	}

	/** Notes that Kafka did not answer. */
	void unreachable(Exception failure) {
		this.topicsChecked = false;
		this.outage.failed((failure.getCause() != null) ? failure.getCause().toString() : failure.toString());
	}

	@Override
	public synchronized void stop() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
			this.client.close(Duration.ofSeconds(2));
			this.scheduler = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.scheduler != null;
	}

	@Override
	public int getPhase() {
		return Integer.MIN_VALUE;
	}

}
