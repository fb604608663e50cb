package org.newsradar.ingest.feed;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.newsradar.events.ArticleIds;
import org.newsradar.ingest.article.InvalidRequestException;
import org.newsradar.ingest.fetch.PoliteFetcher;
import org.newsradar.operations.OutboundGuard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.stereotype.Component;

/**
 * Registers feeds, from {@code /api/feeds} and from configuration
 * ({@code newsradar.ingest.feeds.sources}, registered again at every start, so a feed
 * removed through the API comes back unless it is also removed from configuration), and
 * pauses, resumes and removes them.
 */
@Component
class FeedRegistry implements ApplicationRunner {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

	private static final Logger logger = LoggerFactory.getLogger(FeedRegistry.class);

	private final FeedStore store;

	private final FeedProperties properties;

	private final Clock clock;

	private final OutboundGuard outbound;

	FeedRegistry(FeedStore store, FeedProperties properties, OutboundGuard outbound, Clock clock) {
		this.clock = clock;
		this.store = store;
		this.properties = properties;
		this.outbound = outbound;
	}

	List<FeedStatus> list() {
		return this.store.all().stream().map(this::status).toList();
	}

	Optional<FeedStatus> find(String id) {
		return this.store.find(id).map(this::status);
	}

	/**
	 * Registers a feed through the API.
	 * @throws InvalidRequestException when the URL or interval is not usable
	 * @throws AlreadyRegisteredException when the URL is registered already
	 */
	FeedStatus add(String url, String name, String interval, boolean paused) {
		URI uri = address(url);
		Optional<Feed> existing = this.store.findByUrl(uri.toString());
		if (existing.isPresent()) {
			throw new AlreadyRegisteredException(existing.get());
		}
		Feed feed = new Feed(UUID.randomUUID().toString(), uri.toString(), blankToNull(name), interval(interval),
				paused, Feed.API, this.clock.instant());
		this.store.save(feed);
		logger.info("Feed {} registered: {}", feed.id(), feed.url());
		return status(feed);
	}

	Optional<FeedStatus> pause(String id, boolean paused) {
		return this.store.find(id).map((feed) -> {
			Feed changed = feed.withPaused(paused);
			if (feed.paused() != paused) {
				this.store.save(changed);
				logger.info("Feed {} {}", id, paused ? "paused" : "resumed");
			}
			return status(changed);
		});
	}

	boolean remove(String id) {
		boolean removed = this.store.remove(id);
		if (removed) {
			logger.info("Feed {} removed", id);
		}
		return removed;
	}

	/** Registers the configured feeds that are new or changed. */
	@Override
	public void run(ApplicationArguments arguments) {
		List<FeedProperties.Source> sources = this.properties.sources();
		for (int i = 0; i < sources.size(); i++) {
			FeedProperties.Source source = sources.get(i);
			String where = "newsradar.ingest.feeds.sources[" + i + "]";
			Feed feed;
			try {
				URI uri = address(source.url());
				String id = (source.id() == null || source.id().isBlank())
						? "feed-" + ArticleIds.combine(uri.toString()) : checkedId(source.id());
				Duration interval = (source.interval() != null) ? checked(source.interval())
						: this.properties.defaultInterval();
				Optional<Feed> known = this.store.find(id);
				feed = new Feed(id, uri.toString(), blankToNull(source.name()), interval,
						known.map(Feed::paused).orElse(false), Feed.CONFIGURATION,
						known.map(Feed::addedAt).orElse(this.clock.instant()));
				if (known.isPresent() && known.get().equals(feed)) {
					continue;
				}
			}
			catch (InvalidRequestException ex) {
				throw new IllegalStateException(where + ": " + ex.getMessage(), ex);
			}
			this.store.save(feed);
			logger.info("Feed {} registered from configuration: {}", feed.id(), feed.url());
		}
	}

	private FeedStatus status(Feed feed) {
		return FeedStatus.of(feed, this.store.state(feed.id()));
	}

	private URI address(String url) {
		if (url == null || url.isBlank()) {
			throw new InvalidRequestException("'url' is required: the address of an RSS or Atom feed.");
		}
		URI uri;
		try {
			uri = PoliteFetcher.parse(url);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException("'url': " + ex.getMessage() + ".");
		}
		this.outbound.refusal(uri).ifPresent((refusal) -> {
			throw new InvalidRequestException("'url': " + refusal + ".");
		});
		return uri;
	}

	private Duration interval(String text) {
		if (text == null || text.isBlank()) {
			return this.properties.defaultInterval();
		}
		try {
			return checked(DurationStyle.detectAndParse(text.strip()));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidRequestException(
					"'interval': '" + text + "' is not a duration; write it as 30m, 2h or PT30M.");
		}
	}

	private Duration checked(Duration interval) {
		if (interval.compareTo(this.properties.minInterval()) < 0) {
			throw new InvalidRequestException(
					"'interval': " + FeedStatus.format(interval) + " is shorter than the shortest allowed, "
							+ FeedStatus.format(this.properties.minInterval()) + ".");
		}
		return interval;
	}

	private static String checkedId(String id) {
		if (!ID.matcher(id).matches()) {
			throw new InvalidRequestException(
					"'id': '" + id + "' must be 1 to 100 letters, digits, dots, dashes or underscores.");
		}
		return id;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/** The URL is registered already, under another id. */
	static class AlreadyRegisteredException extends RuntimeException {

		private final Feed feed;

		AlreadyRegisteredException(Feed feed) {
			super("The feed " + feed.url() + " is registered already, as " + feed.id() + ".");
			this.feed = feed;
		}

		Feed feed() {
			return this.feed;
		}

	}

}
