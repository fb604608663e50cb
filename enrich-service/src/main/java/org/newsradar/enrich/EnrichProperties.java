package org.newsradar.enrich;

import java.time.Duration;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of enrich-service, under {@code newsradar.enrich}.
 *
 * @param bulk how documents are sent to Elasticsearch
 * @param indexTimeout how long a batch waits for Elasticsearch before it is retried
 * @param sliceSize articles of a batch tagged together: a slice is written (stories,
 * indexing, publishing) while the next one is tagged
 */
@Validated
@ConfigurationProperties("newsradar.enrich")
public record EnrichProperties(@Valid @DefaultValue Bulk bulk, @DefaultValue("60s") Duration indexTimeout,
		@Min(1) @DefaultValue("125") int sliceSize) {

	/**
	 * @param maxOperations documents per bulk request
	 * @param maxConcurrentRequests bulk requests in flight
	 * @param flushInterval longest a queued document waits
	 * @param initialBackoff first wait after a rejected bulk, doubled each retry
	 * @param maxRetries retries of a rejected bulk
	 */
	public record Bulk(@Min(1) @DefaultValue("500") int maxOperations,
			@Min(1) @DefaultValue("2") int maxConcurrentRequests, @DefaultValue("1s") Duration flushInterval,
			@DefaultValue("200ms") Duration initialBackoff, @Min(0) @DefaultValue("6") int maxRetries) {

	}

}
