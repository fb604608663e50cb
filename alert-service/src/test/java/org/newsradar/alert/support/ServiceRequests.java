package org.newsradar.alert.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * JSON requests to an alert-service a test started itself, on whatever port it took.
 */
public final class ServiceRequests {

	private static final HttpClient http = HttpClient.newHttpClient();

	private ServiceRequests() {
	}

	/**
	 * @param body the JSON body, or {@code null} for none
	 */
	public static HttpResponse<String> send(ConfigurableApplicationContext context, String method, String path,
			String body) throws IOException, InterruptedException {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
