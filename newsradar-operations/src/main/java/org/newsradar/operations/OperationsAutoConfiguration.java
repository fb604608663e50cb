package org.newsradar.operations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * API keys on the HTTP API. The operational defaults (probes, metrics, logs, tracing) are
 * properties: see {@link OperationsDefaults}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiKeyProperties.class)
public class OperationsAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(OperationsAutoConfiguration.class);

	@Bean
	FilterRegistrationBean<ApiKeyFilter> newsradarApiKeyFilter(ApiKeyProperties properties) {
		ApiKeyFilter filter = new ApiKeyFilter(properties);
		FilterRegistrationBean<ApiKeyFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		if (properties.keys().stream().allMatch(String::isBlank)) {
			logger.warn("No API keys (newsradar.api.keys / NEWSRADAR_API_KEYS): the HTTP API is open to anyone who "
					+ "can reach it");
			registration.setEnabled(false);
		}
		else {
			logger.info("The HTTP API needs one of {} API keys to write{}", properties.keys().size(),
					properties.protectReads() ? " and to read" : "");
		}
		return registration;
	}

}
