package org.newsradar.operations;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code newsradar-operations.properties} as the last property source: defaults that
 * every service shares (probes, Prometheus, ECS logs, trace propagation over Kafka) and
 * that a service's {@code application.yml}, the environment or the command line override.
 */
class OperationsDefaults implements EnvironmentPostProcessor {

	static final String NAME = "newsradar-operations.properties";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		try {
			for (PropertySource<?> source : new PropertiesPropertySourceLoader().load("newsradarOperationsDefaults",
					new ClassPathResource(NAME))) {
				environment.getPropertySources().addLast(source);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + NAME, ex);
		}
	}

}
