package org.newsradar.alert.console;

import org.newsradar.operations.ApiKeyProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The console's access check, as a servlet filter before every page. */
@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

	@Bean
	ConsoleAccess consoleAccess(ApiKeyProperties properties) {
		return new ConsoleAccess(properties);
	}

}
