package org.newsradar.ingest.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.newsradar.kafka.CompactedTopicView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts a poll ({@link FeedPoll}) of each feed this instance owns when it is due, a few
 * at a time (each on a virtual thread of its own): a feed that fails or is slow never
 * holds up the others.
 */
@Component
class FeedPoller implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(FeedPoller.class);

	private final FeedStore store;

	private final FeedPoll poll;

	private final ObservationRegistry observations;

	private final Clock clock;

	private final Set<String> polling = ConcurrentHashMap.newKeySet();

	private final Semaphore slots;

	private ScheduledExecutorService ticker;

	private ExecutorService workers;

	FeedPoller(FeedStore store, FeedProperties properties, FeedPoll poll,
			ObjectProvider<ObservationRegistry> observations, Clock clock) {
		this.clock = clock;
		this.store = store;
		this.poll = poll;
		this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
		this.slots = new Semaphore(properties.concurrentPolls());
	}

	/** Starts the polls that are due, as far as there are free slots. */
	private void tick() {
		try {
			startDuePolls();
		}
		catch (RuntimeException ex) {
			logger.error("Could not start the due feed polls", ex);
		}
	}

	private void startDuePolls() {
		Instant now = this.clock.instant();
		for (Feed feed : this.store.all()) {
			FeedState state = this.store.state(feed.id());
			boolean due = state == null || state.due(now);
			if (feed.paused() || !due || !this.store.owns(feed.id()) || this.polling.contains(feed.id())) {
				continue;
			}
			if (!this.slots.tryAcquire()) {
				return;
			}
			this.polling.add(feed.id());
			this.workers.execute(() -> {
				try {
					Observation.createNotStarted("newsradar.feed.poll", this.observations)
						.contextualName("poll " + feed.id())
						.highCardinalityKeyValue("newsradar.feed", feed.id())
						.observe(() -> this.poll.run(feed));
				}
				catch (RuntimeException ex) {
					logger.error("Polling feed {} failed unexpectedly", feed.id(), ex);
				}
				finally {
					this.polling.remove(feed.id());
					this.slots.release();
				}
			});
		}
	}

	@Override
	public void start() {
		this.workers = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("feed-poll-", 0).factory());
		this.ticker = Executors
			.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("feed-ticker").daemon().factory());
		this.ticker.scheduleWithFixedDelay(this::tick, 1, 1, TimeUnit.SECONDS);
	}

	@Override
	public void stop() {
		this.ticker.shutdownNow();
		this.workers.shutdownNow();
	}

	@Override
	public boolean isRunning() {
		return this.ticker != null && !this.ticker.isShutdown();
	}

	/** After the store has read the feed topics. */
	@Override
	public int getPhase() {
		return CompactedTopicView.AFTER_WEB_SERVER + 1;
	}

}
