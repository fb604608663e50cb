package org.newsradar.ingest.feed;

import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.newsradar.ingest.fetch.FetchSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * How feeds are polled and pages fetched, under {@code newsradar.ingest.feeds}.
 *
 * @param sources feeds registered from configuration at start
 * @param defaultInterval time between two polls of a feed registered without one
 * @param minInterval the shortest interval a feed may ask for
 * @param maxBackoff the longest wait before polling a failing feed again
 * @param userAgent what every request says it is; the first word is also the name
 * robots.txt rules are matched against
 * @param connectTimeout time to open a connection
 * @param timeout time for a whole request, body included
 * @param maxFeedSize largest feed document taken
 * @param maxPageSize largest page taken
 * @param maxRedirects most redirects followed for one request
 * @param hostDelay least time between two requests to one host (a longer
 * {@code Crawl-delay} in robots.txt wins, up to {@code maxCrawlDelay})
 * @param maxCrawlDelay the longest {@code Crawl-delay} obeyed
 * @param concurrentPolls most feeds polled at once by one instance
 */
@Validated
@ConfigurationProperties("newsradar.ingest.feeds")
public record FeedProperties(@Valid @DefaultValue List<Source> sources,
		@NotNull @DefaultValue("15m") Duration defaultInterval, @NotNull @DefaultValue("1m") Duration minInterval,
		@NotNull @DefaultValue("6h") Duration maxBackoff,
		@NotBlank @DefaultValue("NewsRadar/0.1 (news monitoring; RSS/Atom reader)") String userAgent,
		@NotNull @DefaultValue("10s") Duration connectTimeout, @NotNull @DefaultValue("30s") Duration timeout,
		@NotNull @DefaultValue("10MB") DataSize maxFeedSize, @NotNull @DefaultValue("5MB") DataSize maxPageSize,
		@Min(0) @DefaultValue("5") int maxRedirects, @NotNull @DefaultValue("2s") Duration hostDelay,
		@NotNull @DefaultValue("60s") Duration maxCrawlDelay, @Min(1) @DefaultValue("8") int concurrentPolls) {

	/**
	 * A feed registered from configuration.
	 * @param id its id, stable across restarts; derived from the URL when empty
	 * @param url the feed's address
	 * @param name what it is called, used as the articles' source
	 * @param interval time between two polls, or {@code null} for the default
	 */
	/** How feeds and their pages are fetched. */
	FetchSettings fetchSettings() {
		return new FetchSettings(this.userAgent, this.connectTimeout, this.timeout, this.maxRedirects, this.hostDelay,
				this.maxCrawlDelay);
	}

	public record Source(String id, @NotBlank String url, String name, Duration interval) {

	}

}
