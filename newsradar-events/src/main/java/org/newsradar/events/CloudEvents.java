package org.newsradar.events;

/**
 * CloudEvents binary-mode Kafka header names and the event types NewsRadar emits.
 */
public final class CloudEvents {

	public static final String ID = "ce_id";

	public static final String TYPE = "ce_type";

	public static final String SOURCE = "ce_source";

	public static final String SPEC_VERSION = "ce_specversion";

	public static final String TIME = "ce_time";

	public static final String CONTENT_TYPE = "content-type";

	public static final String SPEC_VERSION_1_0 = "1.0";

	public static final String JSON = "application/json";

	public static final String ARTICLE_INGESTED = "org.newsradar.article.ingested";

	public static final String ARTICLE_ENRICHED = "org.newsradar.article.enriched";

	public static final String ALERT_RAISED = "org.newsradar.alert.raised";

	/** A watch rule saved, on the compacted {@code watch-rules} topic. */
	public static final String RULE_SAVED = "org.newsradar.rule.saved";

	/** A watch rule deleted: its tombstone. */
	public static final String RULE_DELETED = "org.newsradar.rule.deleted";

	/** A feed registered or changed, on the compacted {@code feeds} topic. */
	public static final String FEED_SAVED = "org.newsradar.feed.saved";

	/** A feed removed: its tombstone, on {@code feeds} and {@code feeds.state}. */
	public static final String FEED_DELETED = "org.newsradar.feed.deleted";

	/** What polling a feed found, on the compacted {@code feeds.state} topic. */
	public static final String FEED_POLLED = "org.newsradar.feed.polled";

	/** A delivery of an alert or digest that failed its last attempt. */
	public static final String ALERT_DELIVERY_FAILED = "org.newsradar.alert.delivery.failed";

	private CloudEvents() {
	}

}
