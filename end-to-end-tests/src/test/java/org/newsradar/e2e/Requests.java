package org.newsradar.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collection;

import org.newsradar.engines.TestEngines;

/** HTTP calls the end-to-end tests make to the services and to Elasticsearch. */
final class Requests {

	private static final HttpClient http = HttpClient.newHttpClient();

	private Requests() {
	}

	/** A request, with a JSON body when there is one. */
	static HttpResponse<String> send(String method, String url, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Takes a test's articles out of the shared index, which the seeds test counts. */
	static void deleteArticles(Collection<String> ids) throws Exception {
		for (String id : ids) {
			send("DELETE", TestEngines.elasticsearchUrl() + "/articles/_doc/" + id, null);
		}
		send("POST", TestEngines.elasticsearchUrl() + "/articles/_refresh", null);
	}

}
