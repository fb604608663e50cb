package org.newsradar.events;

/**
 * Kafka topic names. Each service owns the topic it produces.
 */
public final class Topics {

	/** Articles as they came in; key: article id. Owned by ingest-service. */
	public static final String ARTICLES_RAW = "articles.raw";

	/** Articles with their tags; key: article id. Owned by enrich-service. */
	public static final String ARTICLES_ENRICHED = "articles.enriched";

	/**
	 * Watch rules, compacted; key: rule id, a null value deletes. Owned by alert-service.
	 */
	public static final String WATCH_RULES = "watch-rules";

	/**
	 * Registered feeds, compacted; key: feed id, a null value deletes. Owned by
	 * ingest-service.
	 */
	public static final String FEEDS = "feeds";

	/**
	 * What polling each feed found, compacted; key: feed id, a null value deletes. Owned
	 * by ingest-service.
	 */
	public static final String FEED_STATE = "feeds.state";

	/** Alerts raised; key: rule id. Owned by alert-service. */
	public static final String ALERTS = "alerts";

	private Topics() {
	}

	/**
	 * The dead-letter topic for records of {@code topic} that could not be processed.
	 * @param topic the source topic
	 * @return {@code <topic>-dlt}
	 */
	public static String deadLetter(String topic) {
		return topic + "-dlt";
	}

}
