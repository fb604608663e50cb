package org.newsradar.ingest.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.boot.convert.DurationStyle;

/**
 * A feed as {@code /api/feeds} shows it: its registration and how polling goes.
 *
 * @param id its id
 * @param url the feed's address
 * @param name what it is called, or {@code null} for the feed's own title
 * @param interval time between two polls ({@code 15m}, {@code 1h}...)
 * @param status {@code paused}, {@code pending} (not polled yet), {@code ok},
 * {@code not_modified} or {@code error}
 * @param origin {@code api} or {@code configuration}
 * @param addedAt when it was registered
 * @param lastPollAt when it was last polled
 * @param lastSuccessAt when a poll last succeeded
 * @param lastError what went wrong in the last poll, or {@code null}
 * @param consecutiveFailures failed polls in a row; each doubles the wait, up to
 * {@code max-backoff}
 * @param nextPollAt when it is polled next
 * @param itemsSeen distinct items taken from the feed
 * @param articlesPublished items published as new or updated articles
 * @param itemErrors items whose page could not be fetched or used (their summary was
 * published instead when there was one)
 * @param lastItemError what went wrong with the last such item, or {@code null}
 */
public record FeedStatus(String id, String url, String name, String interval, String status, String origin,
		Instant addedAt, Instant lastPollAt, Instant lastSuccessAt, String lastError, int consecutiveFailures,
		Instant nextPollAt, long itemsSeen, long articlesPublished, long itemErrors, String lastItemError) {

	/** {@code 90s}, {@code 15m}, {@code 2h}: the largest unit that divides it. */
	static String format(Duration duration) {
		for (ChronoUnit unit : List.of(ChronoUnit.DAYS, ChronoUnit.HOURS, ChronoUnit.MINUTES, ChronoUnit.SECONDS)) {
			if (!duration.isZero() && duration.toMillis() % unit.getDuration().toMillis() == 0) {
				return DurationStyle.SIMPLE.print(duration, unit);
			}
		}
		return DurationStyle.SIMPLE.print(duration, ChronoUnit.MILLIS);
	}

	static FeedStatus of(Feed feed, FeedState state) {
		String interval = format(feed.interval());
		if (state == null) {
			return new FeedStatus(feed.id(), feed.url(), feed.name(), interval, feed.paused() ? "paused" : "pending",
					feed.origin(), feed.addedAt(), null, null, null, 0, null, 0, 0, 0, null);
		}
		return new FeedStatus(feed.id(), feed.url(), feed.name(), interval,
				feed.paused() ? "paused" : state.lastOutcome(), feed.origin(), feed.addedAt(), state.lastPollAt(),
				state.lastSuccessAt(), state.lastError(), state.consecutiveFailures(),
				feed.paused() ? null : state.nextPollAt(), state.itemsSeen(), state.articlesPublished(),
				state.itemErrors(), state.lastItemError());
	}

}
