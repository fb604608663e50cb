package org.newsradar.ingest.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.newsradar.ingest.article.ArticleSubmission;
import org.newsradar.ingest.article.IngestReport;
import org.newsradar.ingest.article.IngestService;
import org.newsradar.ingest.article.PublishFailedException;
import org.newsradar.ingest.feed.FeedParser.Item;
import org.newsradar.ingest.feed.FeedParser.ParsedFeed;
import org.newsradar.ingest.feed.FeedState.ItemTally;
import org.newsradar.ingest.fetch.FetchException;
import org.newsradar.ingest.fetch.Fetched;
import org.newsradar.ingest.fetch.PoliteFetcher;
import org.newsradar.ingest.page.PageExtractor.ExtractedPage;
import org.newsradar.ingest.page.PageExtractor;
import org.newsradar.kafka.CompactedTopicView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Polls the feeds this instance owns when they are due, a few at a time: a conditional
 * GET, then for each item not seen before the linked page (when the feed carries only a
 * summary), and the article published through {@link IngestService}. A feed that fails is
 * polled again after a backoff, and its error shows on {@code /api/feeds}; it never holds
 * up the others.
 */
@Component
class FeedPoller implements SmartLifecycle {

	/**
	 * Fetches of an item's page that time out or fail with a 5xx before its summary is
	 * taken.
	 */
	static final int PAGE_ATTEMPTS = 3;

	private static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml, "
			+ "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";

	private static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1";

	private static final Logger logger = LoggerFactory.getLogger(FeedPoller.class);

	private final FeedStore store;

	private final FeedProperties properties;

	private final PoliteFetcher fetcher;

	private final FeedParser parser;

	private final PageExtractor extractor = new PageExtractor();

	private final IngestService ingest;

	private final MeterRegistry metrics;

	private final ObservationRegistry observations;

	private final Clock clock;

	private final Set<String> polling = ConcurrentHashMap.newKeySet();

	private final Semaphore slots;

	private ScheduledExecutorService ticker;

	private ExecutorService workers;

	FeedPoller(FeedStore store, FeedProperties properties, PoliteFetcher fetcher, FeedParser parser,
			IngestService ingest, MeterRegistry metrics, ObjectProvider<ObservationRegistry> observations,
			Clock clock) {
		this.clock = clock;
		this.store = store;
		this.properties = properties;
		this.fetcher = fetcher;
		this.parser = parser;
		this.ingest = ingest;
		this.metrics = metrics;
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
						.observe(() -> poll(feed));
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

	/** One poll of one feed; what it found is saved as the feed's state. */
	void poll(Feed feed) {
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
				requireSuccess(fetched, "feed");
				ParsedFeed parsed = this.parser.parse(fetched);
				ItemTally items = take(feed, parsed, before);
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

	/** Publishes the items not seen before. */
	private ItemTally take(Feed feed, ParsedFeed parsed, FeedState before) {
		Set<String> known = new HashSet<>(before.seen());
		List<String> seen = new ArrayList<>();
		Map<String, Integer> retries = new LinkedHashMap<>();
		int published = 0;
		int errors = 0;
		String lastError = null;
		for (Item item : parsed.items()) {
			if (known.contains(item.key())) {
				continue;
			}
			int attempt = before.attempts().getOrDefault(item.key(), 0) + 1;
			Taken taken = takeItem(feed, parsed, item, attempt);
			this.metrics.counter("newsradar.feeds.items", "outcome", taken.outcome()).increment();
			if (taken.error() != null) {
				errors++;
				lastError = taken.error();
				logger.info("Feed {}, item {}: {}", feed.id(), Objects.requireNonNullElse(item.link(), item.title()),
						taken.error());
			}
			if (taken.outcome().equals(Taken.RETRY)) {
				retries.put(item.key(), attempt);
				continue;
			}
			seen.add(item.key());
			if (taken.outcome().equals("new") || taken.outcome().equals("updated")) {
				published++;
			}
		}
		return new ItemTally(seen, retries, published, errors, lastError);
	}

	/**
	 * What became of an item: {@code new}, {@code updated} or {@code duplicate} (as
	 * {@link IngestService} says), {@code rejected}, or {@code retry} (its page is to be
	 * fetched again next poll).
	 *
	 * @param outcome what became of it
	 * @param error what went wrong, or {@code null}
	 */
	private record Taken(String outcome, String error) {

		static final String RETRY = "retry";

	}

	private Taken takeItem(Feed feed, ParsedFeed parsed, Item item, int attempt) {
		if (item.link() != null && this.ingest.published(item.link())) {
			return new Taken("duplicate", null);
		}
		String source = (feed.name() != null) ? feed.name()
				: (parsed.title() != null) ? parsed.title() : PoliteFetcher.parse(feed.url()).getHost();
		ArticleSubmission article = new ArticleSubmission(item.link(), source, item.title(), item.text(),
				item.publishedAt(), parsed.language());
		String error = null;
		if (!item.complete() && item.link() != null) {
			try {
				ExtractedPage page = fetchPage(item.link());
				if (this.ingest.published(page.canonicalUrl())) {
					// Another feed's item, or another address of it: the version first
					// taken stays.
					return new Taken("duplicate", null);
				}
				article = withPage(article, item, page);
			}
			catch (FetchException ex) {
				if (ex.isTransient() && attempt < PAGE_ATTEMPTS) {
					return new Taken(Taken.RETRY, ex.getMessage() + " (attempt " + attempt + " of " + PAGE_ATTEMPTS
							+ ", tried again next poll)");
				}
				error = ex.getMessage() + (item.text().isEmpty() ? "" : "; the feed's summary was published");
			}
		}
		IngestReport report = this.ingest.ingestFirst(article);
		if (report.rejected() > 0) {
			return new Taken("rejected", "not published: " + String.join("; ", report.rejections().get(0).errors()));
		}
		return new Taken(report.articles().get(0).status(), error);
	}

	private ExtractedPage fetchPage(String link) throws FetchException {
		Fetched page = this.fetcher.get(PoliteFetcher.parse(link), Map.of("Accept", PAGE_ACCEPT),
				this.properties.maxPageSize());
		requireSuccess(page, "page");
		String type = (page.contentType() != null) ? page.contentType().toLowerCase(Locale.ROOT) : "text/html";
		if (!type.contains("html")) {
			throw new FetchException("The page " + page.uri() + " is not HTML (" + page.contentType() + ")", false);
		}
		return this.extractor.extract(page.uri().toString(), page.body(), page.charset());
	}

	/**
	 * The article as the page has it: its canonical URL, its text when that is longer
	 * than the feed's, and what the feed leaves out (date, language).
	 */
	private static ArticleSubmission withPage(ArticleSubmission fromFeed, Item item, ExtractedPage page) {
		String body = (page.body().length() > item.text().length()) ? page.body() : item.text();
		return new ArticleSubmission(page.canonicalUrl(), fromFeed.source(),
				(item.title() != null) ? item.title() : page.title(), body,
				(item.publishedAt() != null) ? item.publishedAt() : page.publishedAt(),
				(page.language() != null) ? page.language() : fromFeed.language());
	}

	private static void requireSuccess(Fetched fetched, String what) throws FetchException {
		int status = fetched.status();
		if (status < 200 || status > 299) {
			boolean retry = status >= 500 || status == 429 || status == 408;
			HttpStatus known = HttpStatus.resolve(status);
			throw new FetchException("The " + what + " " + fetched.uri() + " answered HTTP " + status
					+ ((known != null) ? " " + known.getReasonPhrase() : ""), retry);
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
