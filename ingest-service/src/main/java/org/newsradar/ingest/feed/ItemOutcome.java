package org.newsradar.ingest.feed;

import java.util.Locale;

/**
 * What became of a feed's item.
 */
enum ItemOutcome {

	/** Published as a new article. */
	NEW,

	/** Published as a new version of an article published before. */
	UPDATED,

	/** Published before, unchanged, or under another address. */
	DUPLICATE,

	/** Refused by the article checks. */
	REJECTED,

	/** Its page is to be fetched again at the next poll. */
	RETRY;

	/** The outcome of an item published through the article intake. */
	static ItemOutcome of(String articleStatus) {
		return valueOf(articleStatus.toUpperCase(Locale.ROOT));
	}

	/** Whether an article was published. */
	boolean published() {
		return this == NEW || this == UPDATED;
	}

	/** As metrics tag it ({@code newsradar.feeds.items{outcome}}). */
	String tag() {
		return name().toLowerCase(Locale.ROOT);
	}

}
