package org.newsradar.ingest.feed;

import org.newsradar.ingest.fetch.FetchSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The fetcher's settings, from the feeds' configuration
 * ({@code newsradar.ingest.feeds.*}).
 */
@Configuration(proxyBeanMethods = false)
class FeedConfiguration {

	@Bean
	FetchSettings fetchSettings(FeedProperties properties) {
		return properties.fetchSettings();
	}

}
