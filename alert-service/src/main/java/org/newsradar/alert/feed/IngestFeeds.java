package org.newsradar.alert.feed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.newsradar.operations.ApiKeyProperties;
import org.newsradar.operations.UnavailableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * ingest-service's feeds, through its HTTP API ({@code newsradar.console.ingest-url},
 * with the first configured API key when keys are set: the services of one deployment
 * share them).
 */
@Component
class IngestFeeds {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

	private final String base;

	private final String key;

	private final JsonMapper json;

	IngestFeeds(@Value("${newsradar.console.ingest-url:http://localhost:8081}") String base, ApiKeyProperties keys,
			JsonMapper json) {
		this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		this.key = keys.keys().stream().filter((candidate) -> !candidate.isBlank()).findFirst().orElse(null);
		this.json = json;
	}

	/** Every feed with how its polling goes, as {@code GET /api/feeds} gives them. */
	List<JsonNode> list() {
		List<JsonNode> feeds = new ArrayList<>();
		send("GET", "/api/feeds", null).forEach(feeds::add);
		return feeds;
	}

	/**
	 * Registers a feed.
	 * @throws FeedRefusedException when ingest-service refuses it, with its reason
	 */
	JsonNode add(String url, String name, String interval) {
		ObjectNode feed = this.json.createObjectNode().put("url", url);
		if (!name.isBlank()) {
			feed.put("name", name.strip());
		}
		if (!interval.isBlank()) {
			feed.put("interval", interval.strip());
		}
		return send("POST", "/api/feeds", this.json.writeValueAsString(feed));
	}

	JsonNode pause(String id) {
		return send("POST", "/api/feeds/" + id + "/pause", "");
	}

	JsonNode resume(String id) {
		return send("POST", "/api/feeds/" + id + "/resume", "");
	}

	private JsonNode send(String method, String path, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(TIMEOUT)
			.header("Accept", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		if (this.key != null) {
			request.header("Authorization", "Bearer " + this.key);
		}
		HttpResponse<String> response;
		try {
			response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw unreachable(ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw unreachable("interrupted", ex);
		}
		JsonNode answer = parse(response.body());
		if (response.statusCode() >= 500) {
			throw unreachable("it answered HTTP " + response.statusCode() + ": " + answer.path("detail").asString(""),
					null);
		}
		if (response.statusCode() >= 400) {
			throw new FeedRefusedException(answer.path("detail").asString("HTTP " + response.statusCode()),
					response.statusCode());
		}
		return answer;
	}

	private JsonNode parse(String body) {
		try {
			return body.isBlank() ? this.json.createObjectNode() : this.json.readTree(body);
		}
		catch (JacksonException ex) {
			return this.json.createObjectNode().put("detail", "not JSON: " + body);
		}
	}

	private UnavailableException unreachable(String why, Throwable cause) {
		return new UnavailableException(
				"ingest-service cannot be reached at " + this.base + " (newsradar.console.ingest-url): " + why, cause);
	}

	/** ingest-service refused a change, and said why. */
	static class FeedRefusedException extends RuntimeException {

		private final int status;

		FeedRefusedException(String detail, int status) {
			super(detail);
			this.status = status;
		}

		int status() {
			return this.status;
		}

	}

}
