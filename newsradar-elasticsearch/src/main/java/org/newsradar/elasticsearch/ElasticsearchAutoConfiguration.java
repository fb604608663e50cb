package org.newsradar.elasticsearch;

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
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

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
		else if (properties.username() != null) {
			BasicCredentialsProvider credentials = new BasicCredentialsProvider();
			credentials.setCredentials(AuthScope.ANY,
					new UsernamePasswordCredentials(properties.username(), properties.password()));
			builder.setHttpClientConfigCallback((client) -> client.setDefaultCredentialsProvider(credentials));
		}
		return builder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	ElasticsearchClient elasticsearchClient(RestClient restClient, JsonMapper jsonMapper) {
		return new ElasticsearchClient(new RestClientTransport(restClient, new Jackson3JsonpMapper(jsonMapper)));
	}

	@Bean
	@ConditionalOnMissingBean
	IndexSetup indexSetup(ElasticsearchClient client, JsonMapper jsonMapper) {
		return new IndexSetup(client, jsonMapper);
	}

}
