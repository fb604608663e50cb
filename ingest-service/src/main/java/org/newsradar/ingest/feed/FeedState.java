package org.newsradar.ingest.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What polling a feed has found so far, as kept in the compacted {@code feeds.state}
 * topic (key: the feed id).
 *
 * @param lastPollAt when it was last polled
 * @param lastSuccessAt when a poll last succeeded
 * @param lastOutcome {@code ok}, {@code not_modified} or {@code error}
 * @param lastError what went wrong in the last poll, or {@code null}
 * @param consecutiveFailures failed polls in a row
 * @param nextPollAt when it is polled next
 * @param etag the {@code ETag} of the last answer, for {@code If-None-Match}
 * @param lastModified the {@code Last-Modified} of the last answer, for
 * {@code If-Modified-Since}
 * @param itemsSeen distinct items taken from the feed
 * @param articlesPublished items published as new or updated articles
 * @param itemErrors items whose page could not be used
 * @param lastItemError what went wrong with the last such item, or {@code null}
 * @param seen keys of the items already taken, oldest first (bounded)
 * @param attempts failed page fetches of items to try again, by item key
 */
public record FeedState(Instant lastPollAt, Instant lastSuccessAt, String lastOutcome, String lastError,
		int consecutiveFailures, Instant nextPollAt, String etag, String lastModified, long itemsSeen,
		long articlesPublished, long itemErrors, String lastItemError, List<String> seen,
		Map<String, Integer> attempts) {

	/** Item keys remembered at least, more when a feed holds more items. */
	static final int SEEN_KEPT = 1000;

	static final String OK = "ok";

	static final String NOT_MODIFIED = "not_modified";

	static final String ERROR = "error";

	public FeedState {
		seen = (seen != null) ? List.copyOf(seen) : List.of();
		attempts = (attempts != null) ? Map.copyOf(attempts) : Map.of();
	}

	/** A feed never polled: due now. */
	static FeedState initial(Instant now) {
		return new FeedState(null, null, null, null, 0, now, null, null, 0, 0, 0, null, List.of(), Map.of());
	}

	/** The server said nothing changed. */
	FeedState notModified(Instant now, Duration interval) {
		return new FeedState(now, now, NOT_MODIFIED, null, 0, now.plus(interval), this.etag, this.lastModified,
				this.itemsSeen, this.articlesPublished, this.itemErrors, this.lastItemError, this.seen, this.attempts);
	}

	/** The poll failed; the next one waits longer each time, up to {@code maxBackoff}. */
	FeedState failed(Instant now, String error, Duration interval, Duration maxBackoff) {
		int failures = this.consecutiveFailures + 1;
		Duration wait = interval.multipliedBy(1L << Math.min(failures - 1, 16));
		if (wait.compareTo(maxBackoff) > 0) {
			wait = (interval.compareTo(maxBackoff) > 0) ? interval : maxBackoff;
		}
		return new FeedState(now, this.lastSuccessAt, ERROR, error, failures, now.plus(wait), this.etag,
				this.lastModified, this.itemsSeen, this.articlesPublished, this.itemErrors, this.lastItemError,
				this.seen, this.attempts);
	}

	/** The feed was read and its items handled as {@code items} says. */
	FeedState read(Instant now, Duration interval, String etag, String lastModified, ItemTally items, int itemsInFeed) {
		List<String> keys = new ArrayList<>(this.seen);
		keys.removeAll(items.seen());
		keys.addAll(items.seen());
		int kept = Math.max(SEEN_KEPT, 2 * itemsInFeed);
		List<String> bounded = keys.subList(Math.max(0, keys.size() - kept), keys.size());
		Map<String, Integer> retries = new LinkedHashMap<>(this.attempts);
		items.seen().forEach(retries::remove);
		retries.putAll(items.retries());
		return new FeedState(now, now, OK, null, 0, now.plus(interval), etag, lastModified,
				this.itemsSeen + items.seen().size(), this.articlesPublished + items.published(),
				this.itemErrors + items.errors(), (items.lastError() != null) ? items.lastError() : this.lastItemError,
				bounded, retries);
	}

	/** The poll is due. */
	boolean due(Instant now) {
		return this.nextPollAt == null || !this.nextPollAt.isAfter(now);
	}

	/**
	 * How the new items of one poll went.
	 *
	 * @param seen keys of the items taken (published, duplicate, or given up on)
	 * @param retries failed page fetches of items to try again at the next poll, by key
	 * @param published items published as new or updated articles
	 * @param errors items whose page could not be used
	 * @param lastError what went wrong with the last of those, or {@code null}
	 */
	record ItemTally(List<String> seen, Map<String, Integer> retries, int published, int errors, String lastError) {

	}

}
