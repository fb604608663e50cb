package org.newsradar.ingest.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.micrometer.core.instrument.MeterRegistry;
import org.newsradar.ingest.article.PublishFailedException;
import org.newsradar.ingest.feed.FeedParser.ParsedFeed;
import org.newsradar.ingest.feed.FeedState.ItemTally;
import org.newsradar.ingest.fetch.FetchException;
import org.newsradar.ingest.fetch.Fetched;
import org.newsradar.ingest.fetch.PoliteFetcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * One poll of one feed: a conditional GET, the items not seen before taken in
 * ({@link ItemIntake}), and what it found saved as the feed's state. A feed that fails is
 * polled again after a backoff, and its error shows on {@code /api/feeds}.
 */
@Component
class FeedPoll {

	private static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml, "
			+ "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";

	private static final Logger logger = LoggerFactory.getLogger(FeedPoll.class);

	private final FeedStore store;

	private final FeedProperties properties;

	private final PoliteFetcher fetcher;

	private final FeedParser parser;

	private final ItemIntake intake;

	private final MeterRegistry metrics;

	private final Clock clock;

	FeedPoll(FeedStore store, FeedProperties properties, PoliteFetcher fetcher, FeedParser parser, ItemIntake intake,
			MeterRegistry metrics, Clock clock) {
		this.store = store;
		this.properties = properties;
		this.fetcher = fetcher;
		this.parser = parser;
		this.intake = intake;
		this.metrics = metrics;
		this.clock = clock;
	}

	/** One poll of one feed; what it found is saved as the feed's state. */
	void run(Feed feed) {
		Instant now = this.clock.instant();
		FeedState before = Objects.requireNonNullElseGet(this.store.state(feed.id()), () -> FeedState.initial(now));
		FeedState after;
		try {
			Map<String, String> headers = new LinkedHashMap<>();
			headers.put("Accept", FEED_ACCEPT);
			if (before.etag() != null) {
				headers.put("If-None-Match", before.etag());
			}
			if (before.lastModified() != null) {
				headers.put("If-Modified-Since", before.lastModified());
			}
			Fetched fetched = this.fetcher.get(PoliteFetcher.parse(feed.url()), headers, this.properties.maxFeedSize());
			if (fetched.status() == 304) {
				after = before.notModified(now, feed.interval());
			}
			else {
				fetched.requireSuccess("feed");
				ParsedFeed parsed = this.parser.parse(fetched);
				ItemTally items = this.intake.take(feed, parsed, before);
				after = before.read(this.clock.instant(), feed.interval(), fetched.etag(), fetched.lastModified(),
						items, parsed.items().size());
			}
		}
		catch (FetchException ex) {
			after = before.failed(now, ex.getMessage(), feed.interval(), this.properties.maxBackoff());
		}
		catch (PublishFailedException ex) {
			after = before.failed(now, "Kafka did not take the feed's articles: " + ex.getMessage(), feed.interval(),
					this.properties.maxBackoff());
		}
		this.metrics.counter("newsradar.feeds.polls", "outcome", after.lastOutcome()).increment();
		if (after.lastError() != null) {
			logger.warn("Feed {} ({}) failed {} time(s) in a row: {}; next poll at {}", feed.id(), feed.url(),
					after.consecutiveFailures(), after.lastError(), after.nextPollAt());
		}
		else {
			logger.info("Polled feed {} ({}): {}, {} new item(s)", feed.id(), feed.url(), after.lastOutcome(),
					after.itemsSeen() - before.itemsSeen());
		}
		try {
			this.store.saveState(feed.id(), after);
		}
		catch (IllegalStateException ex) {
			logger.warn("The state of feed {} is kept in memory only: {}", feed.id(), ex.getMessage());
		}
	}

}
