package org.newsradar.operations;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.utils.SpringDocUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * API keys on the HTTP API, the guard on outbound addresses, and one error shape: every
 * error a service answers, including those no handler took and those Tomcat refuses
 * before the application sees them, is {@code application/problem+json}. The operational
 * defaults (probes, metrics, logs, tracing) are properties: see
 * {@link OperationsDefaults}.
 */
@AutoConfiguration(before = { ErrorMvcAutoConfiguration.class, WebMvcAutoConfiguration.class })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({ ApiKeyProperties.class, OutboundProperties.class })
public class OperationsAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(OperationsAutoConfiguration.class);

	private static final String API_KEY = "apiKey";

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

	@Bean
	@ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
	ProblemExceptionHandler newsradarProblemExceptionHandler() {
		return new ProblemExceptionHandler();
	}

	@Bean
	OutboundGuard newsradarOutboundGuard(OutboundProperties properties) {
		return new OutboundGuard(properties);
	}

	@Bean
	ProblemErrorController newsradarErrorController() {
		return new ProblemErrorController();
	}

	/**
	 * The service's API as OpenAPI, titled after the service, with the API key as a
	 * bearer token that Swagger UI's "Authorize" button asks for.
	 */
	@Bean
	OpenAPI newsradarOpenApi(Environment environment, ApiKeyProperties keys) {
		// springdoc reads types with Jackson 2; the services' free-form JSON (Jackson 3
		// trees) is any JSON object to the reader.
		SpringDocUtils.getConfig()
			.replaceWithSchema(JsonNode.class, new ObjectSchema())
			.replaceWithSchema(ObjectNode.class, new ObjectSchema());
		String service = environment.getProperty("spring.application.name", "service");
		String access = keys.keys().stream().allMatch(String::isBlank) ? "No API keys are configured: the API is open."
				: "Writes" + (keys.protectReads() ? " and reads" : "")
						+ " need one of the configured API keys as a bearer token (Authorize).";
		return new OpenAPI()
			.info(new Info().title("NewsRadar " + service)
				.version("v1")
				.description("The HTTP API of " + service + ". Errors are application/problem+json. " + access))
			.components(new Components().addSecuritySchemes(API_KEY,
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")))
			.addSecurityItem(new SecurityRequirement().addList(API_KEY));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tomcat.class)
	static class TomcatProblems {

		@Bean
		WebServerFactoryCustomizer<TomcatServletWebServerFactory> newsradarProblemReports() {
			return (factory) -> factory.addContextCustomizers((context) -> {
				if (context.getParent() instanceof StandardHost host) {
					host.setErrorReportValveClass(ProblemReportValve.class.getName());
				}
			});
		}

	}

}
