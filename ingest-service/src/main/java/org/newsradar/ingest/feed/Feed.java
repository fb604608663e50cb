package org.newsradar.ingest.feed;

import java.time.Duration;
import java.time.Instant;

/**
 * A registered feed, as kept in the compacted {@code feeds} topic (key: the id).
 *
 * @param id its id
 * @param url the feed's address
 * @param name what it is called, used as the articles' source; {@code null} for the
 * feed's own title
 * @param interval time between two polls
 * @param paused whether polling is paused
 * @param origin {@code api} or {@code configuration}
 * @param addedAt when it was registered
 */
public record Feed(String id, String url, String name, Duration interval, boolean paused, String origin,
		Instant addedAt) {

	static final String API = "api";

	static final String CONFIGURATION = "configuration";

	Feed withPaused(boolean paused) {
		return new Feed(this.id, this.url, this.name, this.interval, paused, this.origin, this.addedAt);
	}

}
