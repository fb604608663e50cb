package org.newsradar.alert;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * alert-service: keeps the watch rules and raises one alert per rule and story when an
 * enriched article matches.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class AlertApplication {

	public static void main(String[] args) {
		SpringApplication.run(AlertApplication.class, args);
	}

}
