package org.newsradar.elasticsearch;

import java.io.InputStream;

import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Elasticsearch is up when {@code _cluster/health} answers green or yellow (yellow: a
 * single node keeps no replicas, which loses no data), down when red or unreachable. Part
 * of the readiness probe.
 */
class ElasticsearchHealthIndicator extends AbstractHealthIndicator {

	private final RestClient client;

	private final JsonMapper json;

	ElasticsearchHealthIndicator(RestClient client, JsonMapper json) {
		super("Elasticsearch health check failed");
		this.client = client;
		this.json = json;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		Request request = new Request("GET", "/_cluster/health");
		request.addParameter("timeout", "5s");
		Response response = this.client.performRequest(request);
		JsonNode health;
		try (InputStream body = response.getEntity().getContent()) {
			health = this.json.readTree(body);
		}
		String status = health.path("status").asString();
		(("red".equals(status)) ? builder.down() : builder.up()).withDetail("status", status)
			.withDetail("cluster", health.path("cluster_name").asString())
			.withDetail("nodes", health.path("number_of_nodes").asInt());
	}

}
