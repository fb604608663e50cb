package org.newsradar.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.Jackson3JsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Elasticsearch 8.19 client, mapping documents with the application's JSON mapper so
 * that records are written with the same snake_case names as on Kafka, and the helper
 * that creates a service's indices at start-up.
 */
@AutoConfiguration
@EnableConfigurationProperties(ElasticsearchProperties.class)
public class ElasticsearchAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	RestClient elasticsearchRestClient(ElasticsearchProperties properties) {
		HttpHost[] hosts = properties.uris()
			.stream()
			.map((uri) -> new HttpHost(uri.getHost(), uri.getPort(), uri.getScheme()))
			.toArray(HttpHost[]::new);
		RestClientBuilder builder = RestClient.builder(hosts);
		if (properties.apiKey() != null) {
			builder
				.setDefaultHeaders(new Header[] { new BasicHeader("Authorization", "ApiKey " + properties.apiKey()) });
		}
		SSLContext trust = (properties.caCertificate() != null) ? trusting(properties.caCertificate()) : null;
		builder.setHttpClientConfigCallback((client) -> {
			if (properties.apiKey() == null && properties.username() != null) {
				BasicCredentialsProvider credentials = new BasicCredentialsProvider();
				credentials.setCredentials(AuthScope.ANY,
						new UsernamePasswordCredentials(properties.username(), properties.password()));
				client.setDefaultCredentialsProvider(credentials);
			}
			if (trust != null) {
				client.setSSLContext(trust);
			}
			return client;
		});
		return builder.build();
	}

	/** TLS that trusts the certificate authorities in a PEM file (and only those). */
	static SSLContext trusting(Path pem) {
		try (InputStream in = Files.newInputStream(pem)) {
			KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
			store.load(null, null);
			int i = 0;
			for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
				store.setCertificateEntry("ca-" + i++, certificate);
			}
			if (i == 0) {
				throw new IllegalStateException(
						"No certificate in " + pem + " (newsradar.elasticsearch.ca-certificate)");
			}
			TrustManagerFactory trustManagers = TrustManagerFactory
				.getInstance(TrustManagerFactory.getDefaultAlgorithm());
			trustManagers.init(store);
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(null, trustManagers.getTrustManagers(), null);
			return context;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalStateException(
					"Cannot read the CA certificate " + pem + " (newsradar.elasticsearch.ca-certificate): " + ex, ex);
		}
	}

	@Bean
	@ConditionalOnMissingBean
	ElasticsearchClient elasticsearchClient(RestClient restClient, JsonMapper jsonMapper) {
		return new ElasticsearchClient(new RestClientTransport(restClient, new Jackson3JsonpMapper(jsonMapper)));
	}

	/**
	 * Elasticsearch in the health endpoint and the readiness probe, as
	 * {@code elasticsearch}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(AbstractHealthIndicator.class)
	static class ElasticsearchHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "elasticsearchHealthIndicator")
		ElasticsearchHealthIndicator elasticsearchHealthIndicator(RestClient client, JsonMapper jsonMapper) {
			return new ElasticsearchHealthIndicator(client, jsonMapper);
		}

	}

	@Bean
	@ConditionalOnMissingBean
	IndexSetup indexSetup(ElasticsearchClient client, JsonMapper jsonMapper, ApplicationEventPublisher events) {
		return new IndexSetup(client, jsonMapper, events);
	}

}
