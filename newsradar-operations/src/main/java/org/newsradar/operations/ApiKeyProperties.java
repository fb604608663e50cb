package org.newsradar.operations;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call the HTTP API, under {@code newsradar.api}.
 *
 * @param keys the accepted API keys (e.g. {@code NEWSRADAR_API_KEYS=key1,key2}); when
 * none is set, the API is open, as for a developer's machine
 * @param protectReads whether reading ({@code GET}, {@code HEAD}) needs a key too, when
 * keys are set: by default it does, as rules, alerts and deliveries are an analyst's work
 * and nobody else's
 */
@ConfigurationProperties("newsradar.api")
public record ApiKeyProperties(@DefaultValue List<String> keys, @DefaultValue("true") boolean protectReads) {

	@Override
	public String toString() {
		return "ApiKeyProperties[keys=" + this.keys.size() + " set, protectReads=" + this.protectReads + "]";
	}

}
