package org.newsradar.alert.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Semaphore;

import org.newsradar.alert.AlertProperties;
import org.newsradar.alert.rule.RuleStore;
import org.newsradar.alert.rule.WatchRule;
import org.newsradar.events.CloudEvents;
import org.newsradar.events.Topics;
import org.newsradar.kafka.EventPublisher;
import org.newsradar.kafka.OutageLog;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Attempts deliveries, each on its own virtual thread with at most
 * {@code per-destination} attempts in flight to one host or mailbox, so a slow or dead
 * receiver holds up only its own deliveries, never matching or other rules. A failed
 * attempt is due again after an exponential backoff kept in the ledger (so retries
 * survive a restart, and any instance picks up what is due); after the last attempt the
 * delivery is dead: marked so in the ledger and published to {@code alerts-dlt}.
 */
@Component
class DeliveryWorker implements DisposableBean {

	private static final Logger logger = LoggerFactory.getLogger(DeliveryWorker.class);

	private final DeliveryLedger ledger;

	private final RuleStore rules;

	private final Map<String, ChannelSender> senders;

	private final EventPublisher publisher;

	private final AlertProperties.Delivery properties;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	private final Map<String, Semaphore> destinations = new ConcurrentHashMap<>();

	private final Clock clock;

	/** Elasticsearch (the ledger) away: said once a minute, not at every poll. */
	private final OutageLog ledgerOutage;

	private final MeterRegistry metrics;

	DeliveryWorker(DeliveryLedger ledger, RuleStore rules, List<ChannelSender> senders, EventPublisher publisher,
			AlertProperties properties, MeterRegistry metrics, Clock clock) {
		this.clock = clock;
		this.ledgerOutage = new OutageLog(logger, "Cannot look for due deliveries", clock);
		this.metrics = metrics;
		this.ledger = ledger;
		this.rules = rules;
		this.senders = new HashMap<>();
		senders.forEach((sender) -> sender.types().forEach((type) -> this.senders.put(type, sender)));
		this.publisher = publisher;
		this.properties = properties.delivery();
	}

	/** How long an attempt may hold a delivery before another instance may take it. */
	Duration lease() {
		return this.properties.timeout().multipliedBy(3);
	}

	/** Starts attempting deliveries this instance has leased. */
	void submit(List<Delivery> deliveries) {
		deliveries.forEach((delivery) -> this.executor.execute(() -> attempt(delivery)));
	}

	@Scheduled(fixedDelayString = "${newsradar.alert.delivery.poll-interval:500ms}")
	void takeDue() {
		if (!this.rules.isLoaded()) {
			// A delivery needs its rule's channel (and secret).
			return;
		}
		try {
			Instant now = Instant.now(this.clock);
			submit(this.ledger.takeDue(now, now.plus(lease()), 100));
			this.ledgerOutage.succeeded();
		}
		catch (Exception ex) {
			this.ledgerOutage.failed(String.valueOf(ex.getMessage()));
		}
	}

	private void attempt(Delivery delivery) {
		Semaphore slots = this.destinations.computeIfAbsent(delivery.destination(),
				(destination) -> new Semaphore(this.properties.perDestination()));
		try {
			slots.acquire();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		Delivery outcome;
		try {
			send(delivery);
			outcome = delivery.delivered(Instant.now(this.clock));
			logger.info("Delivered {} {} of rule {} to {}", delivery.kind(), delivery.deliveryId(), delivery.ruleId(),
					delivery.destination());
		}
		catch (Exception ex) {
			outcome = failed(delivery, describe(ex));
		}
		finally {
			slots.release();
		}
		count(delivery, outcome);
		record(outcome);
	}

	/**
	 * {@code newsradar.deliveries} by channel and outcome: {@code delivered},
	 * {@code retry} (failed, will be attempted again) or {@code dead} (failed for the
	 * last time).
	 */
	private void count(Delivery delivery, Delivery outcome) {
		String result = switch (outcome.status()) {
			case Delivery.DELIVERED -> "delivered";
			case Delivery.DEAD -> "dead";
			default -> "retry";
		};
		this.metrics
			.counter("newsradar.deliveries", "channel", delivery.channel().type(), "kind", delivery.kind(), "outcome",
					result)
			.increment();
	}

	private void send(Delivery delivery) throws Exception {
		ChannelSender sender = this.senders.get(delivery.channel().type());
		if (sender == null) {
			throw new IllegalStateException("no sender for channel type " + delivery.channel().type());
		}
		sender.send(delivery, currentChannel(delivery).orElseThrow(() -> new IllegalStateException(
				"rule " + delivery.ruleId() + " no longer has this channel (deleted or changed)")));
	}

	/** The channel as the rule has it now, with its secret. */
	private Optional<WatchRule.Channel> currentChannel(Delivery delivery) {
		WatchRule.Channel sent = delivery.channel();
		return this.rules.find(delivery.ruleId())
			.flatMap((rule) -> rule.channels()
				.stream()
				.filter((channel) -> channel.type().equals(sent.type()) && Objects.equals(channel.url(), sent.url())
						&& Objects.equals(channel.to(), sent.to()))
				.findFirst());
	}

	private Delivery failed(Delivery delivery, String error) {
		Instant now = Instant.now(this.clock);
		int attempts = delivery.attempts() + 1;
		Instant next = (attempts < this.properties.maxAttempts()) ? now.plus(this.properties.backoff(attempts)) : null;
		logger.warn("Delivery {} of rule {} to {} failed (attempt {} of {}): {}{}", delivery.deliveryId(),
				delivery.ruleId(), delivery.destination(), attempts, this.properties.maxAttempts(), error,
				(next != null) ? "; next attempt at " + next : "; giving up");
		return delivery.failed(error, next, now);
	}

	private void record(Delivery outcome) {
		try {
			if (Delivery.DEAD.equals(outcome.status())) {
				this.publisher.awaitAcknowledged(List.of(this.publisher.publish(Topics.deadLetter(Topics.ALERTS),
						outcome.ruleId(), outcome, CloudEvents.ALERT_DELIVERY_FAILED, Instant.now(this.clock))));
			}
			this.ledger.save(outcome);
		}
		catch (Exception ex) {
			// The lease runs out and the delivery is attempted again: at least once.
			logger.error("Cannot record the outcome of delivery {}: {}", outcome.deliveryId(), ex.getMessage());
		}
	}

	private static String describe(Exception ex) {
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	/** Lets attempts in flight finish (up to one timeout) before the ledger goes away. */
	@Override
	public void destroy() throws InterruptedException {
		this.executor.shutdown();
		if (!this.executor.awaitTermination(this.properties.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
			this.executor.shutdownNow();
		}
	}

}
