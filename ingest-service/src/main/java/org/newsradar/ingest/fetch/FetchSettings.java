package org.newsradar.ingest.fetch;

import java.time.Duration;

/**
 * How every fetch behaves.
 *
 * @param userAgent the {@code User-Agent}; its first word is the robot's name robots.txt
 * rules are read for
 * @param connectTimeout the longest wait for a connection
 * @param timeout the longest wait for a whole answer
 * @param maxRedirects how many redirects are followed
 * @param hostDelay the least time between two requests to one host
 * @param maxCrawlDelay the longest {@code Crawl-delay} of a robots.txt obeyed
 */
public record FetchSettings(String userAgent, Duration connectTimeout, Duration timeout, int maxRedirects,
		Duration hostDelay, Duration maxCrawlDelay) {

	String robotName() {
		return this.userAgent.split("[/\\s]", 2)[0];
	}

}
