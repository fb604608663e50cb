package org.newsradar.enrich;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * enrich-service: tags the articles of {@code articles.raw}, indexes them into
 * Elasticsearch and publishes them to {@code articles.enriched}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class EnrichApplication {

	public static void main(String[] args) {
		SpringApplication.run(EnrichApplication.class, args);
	}

}
