package org.newsradar.alert;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of alert-service, under {@code newsradar.alert}.
 *
 * @param snippetLength longest snippet of article text in an alert
 * @param topic how the topics this service owns are created
 */
@Validated
@ConfigurationProperties("newsradar.alert")
public record AlertProperties(@Min(40) @DefaultValue("240") int snippetLength, @Valid @DefaultValue Topic topic) {

	/**
	 * @param partitions partitions of {@code alerts} and {@code watch-rules}
	 * @param replicas their replication factor
	 */
	public record Topic(@Min(1) @DefaultValue("3") int partitions, @Min(1) @DefaultValue("1") short replicas) {

	}

}
