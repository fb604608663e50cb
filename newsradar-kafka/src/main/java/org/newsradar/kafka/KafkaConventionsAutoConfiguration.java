package org.newsradar.kafka;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.newsradar.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.KafkaException;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.JacksonJsonSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Wires the conventions into Spring Boot's Kafka auto-configuration.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@EnableConfigurationProperties(TopicDefaults.class)
public class KafkaConventionsAutoConfiguration {

	/**
	 * String keys; values as JSON with the application's mapper and no type headers,
	 * except byte arrays (a record that could not be read, on its way to a dead-letter
	 * topic), which are written as they arrived.
	 */
	@Bean
	@SuppressWarnings("unchecked")
	DefaultKafkaProducerFactoryCustomizer newsradarJsonValues(JsonMapper jsonMapper) {
		return (factory) -> {
			JacksonJsonSerializer<Object> json = new JacksonJsonSerializer<>(jsonMapper);
			json.setAddTypeInfo(false);
			Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
			byType.put(byte[].class, new ByteArraySerializer());
			byType.put(Object.class, json);
			DefaultKafkaProducerFactory<String, Object> typed = (DefaultKafkaProducerFactory<String, Object>) factory;
			typed.setKeySerializer(new StringSerializer());
			typed.setValueSerializer(new DelegatingByTypeSerializer(byType, true));
		};
	}

	/**
	 * Retries failed records with exponential backoff (0.5 s doubling up to 30 s, without
	 * end: a broker or Elasticsearch that is down must not cost data), each failure
	 * logged and counted by {@link ListenerFailures}. A {@link PoisonMessageException} or
	 * an unreadable record is not retried: it goes to {@code <topic>-dlt} (partition
	 * chosen by the producer) and the partition moves on.
	 */
	@Bean
	@ConditionalOnMissingBean(CommonErrorHandler.class)
	DefaultErrorHandler newsradarErrorHandler(KafkaTemplate<String, Object> template,
			ObjectProvider<MeterRegistry> metrics) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
				(record, ex) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
		ExponentialBackOff backOff = new ExponentialBackOff(500, 2);
		backOff.setMaxInterval(30_000);
		DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
		handler.addNotRetryableExceptions(PoisonMessageException.class);
		handler.setRetryListeners(new ListenerFailures(metrics.getIfAvailable(() -> Metrics.globalRegistry)));
		// ListenerFailures says what failed, once a line; the handler's own "Seek to
		// current after exception" (a stack trace each time it re-polls) says nothing
		// more.
		handler.setLogLevel(KafkaException.Level.DEBUG);
		return handler;
	}

	@Bean
	@ConditionalOnMissingBean
	CompactedTopicViews compactedTopicViews(KafkaProperties properties, KafkaAdmin admin) {
		return new CompactedTopicViews(properties, admin);
	}

	@Bean
	@ConditionalOnMissingBean
	RecordObservations recordObservations(ObjectProvider<ObservationRegistry> registry, Environment environment) {
		return new RecordObservations(registry.getIfAvailable(() -> ObservationRegistry.NOOP),
				environment.getProperty("spring.application.name", "service"));
	}

	/** Kafka in the health endpoint and the readiness probe, as {@code kafka}. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(AbstractHealthIndicator.class)
	static class KafkaHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "kafkaHealthIndicator")
		KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin admin) {
			return new KafkaHealthIndicator(admin);
		}

	}

	@Bean
	KafkaOutageLog kafkaOutageLog(KafkaAdmin admin, ObjectProvider<Clock> clock) {
		return new KafkaOutageLog(admin, clock.getIfAvailable(Clock::systemUTC), admin::initialize);
	}

	@Bean
	@ConditionalOnMissingBean
	EventPublisher eventPublisher(KafkaTemplate<String, Object> template, Environment environment) {
		return new EventPublisher(template,
				"/newsradar/" + environment.getProperty("spring.application.name", "service"),
				DurationStyle.detectAndParse(environment.getProperty("newsradar.kafka.ack-timeout", "30s")));
	}

}
