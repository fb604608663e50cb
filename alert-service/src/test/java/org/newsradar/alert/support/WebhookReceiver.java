package org.newsradar.alert.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server standing in for an analyst's webhook endpoint: records every request
 * and answers with the status it is told to.
 */
public final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger status = new AtomicInteger(204);

	public WebhookReceiver() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
			int answer = this.status.get();
			this.requests.add(new Request(exchange.getRequestURI().getPath(), headers,
					new String(body, StandardCharsets.UTF_8), answer));
			exchange.sendResponseHeaders(answer, -1);
			exchange.close();
		});
		this.server.start();
	}

	public String url(String path) {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + path;
	}

	/** From now on answer with this status, e.g. 503 while "down". */
	public void answer(int status) {
		this.status.set(status);
	}

	public List<Request> requests(String path) {
		return this.requests.stream().filter((request) -> request.path().equals(path)).toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

	/**
	 * @param path the path posted to
	 * @param headers the headers, names case-insensitive
	 * @param body the body
	 * @param answeredWith the status it got
	 */
	public record Request(String path, Map<String, String> headers, String body, int answeredWith) {

		public String header(String name) {
			return this.headers.get(name);
		}

	}

}
