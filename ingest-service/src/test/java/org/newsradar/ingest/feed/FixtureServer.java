package org.newsradar.ingest.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.newsradar.events.ArticleIds;

/**
 * A local web site for the tests: feeds and pages from {@code src/test/resources}, whose
 * {@code https://news.example.org} addresses are rewritten to this server, with
 * {@code ETag} and {@code Last-Modified} answered by 304, and routes that fail on
 * purpose. Every request is recorded.
 */
public final class FixtureServer implements AutoCloseable {

	public static final String SITE = "https://news.example.org";

	public static final String LAST_MODIFIED = "Mon, 20 May 2024 09:00:00 GMT";

	private final HttpServer server;

	private final Map<String, Route> routes = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	/**
	 * A request received.
	 *
	 * @param path its path and query
	 * @param headers its headers
	 * @param at when it came
	 */
	public record Request(String path, Headers headers, Instant at) {

	}

	private record Route(int status, String contentType, byte[] body, Duration delay, Map<String, String> headers) {

	}

	public FixtureServer() {
		try {
			this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		this.server.createContext("/", this::handle);
		this.server.start();
	}

	/** {@code http://127.0.0.1:<port>}. */
	public String base() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort();
	}

	/** The address of {@code https://news.example.org<path>} on this server. */
	public String url(String path) {
		return base() + path;
	}

	/** Serves a resource at {@code path} (query included), with validators. */
	public FixtureServer resource(String path, String resource, String contentType) {
		try (InputStream in = FixtureServer.class.getResourceAsStream(resource)) {
			String bytes = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).replace(SITE, base());
			this.routes.put(path, new Route(200, contentType, bytes.getBytes(StandardCharsets.ISO_8859_1), null,
					Map.of("ETag", "\"" + ArticleIds.combine(bytes) + "\"", "Last-Modified", LAST_MODIFIED)));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return this;
	}

	/** Answers {@code path} with {@code status} and {@code body}. */
	public FixtureServer answer(String path, int status, String contentType, String body, Map<String, String> headers) {
		this.routes.put(path,
				new Route(status, contentType, body.getBytes(StandardCharsets.UTF_8), null, Map.copyOf(headers)));
		return this;
	}

	/** Answers {@code path} only after {@code delay}. */
	public FixtureServer slow(String path, Duration delay) {
		this.routes.put(path, new Route(200, "application/rss+xml",
				"<rss version=\"2.0\"><channel/></rss>".getBytes(StandardCharsets.UTF_8), delay, Map.of()));
		return this;
	}

	public List<Request> requests(String path) {
		return this.requests.stream().filter((request) -> request.path().equals(path)).toList();
	}

	public List<Request> requests() {
		return List.copyOf(this.requests);
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getRawPath() + ((exchange.getRequestURI().getRawQuery() != null)
				? "?" + exchange.getRequestURI().getRawQuery() : "");
		this.requests.add(new Request(path, exchange.getRequestHeaders(), Instant.now()));
		try (exchange) {
			Route route = this.routes.get(path);
			if (route == null) {
				byte[] body = "Not Found".getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(404, body.length);
				exchange.getResponseBody().write(body);
				return;
			}
			if (route.delay() != null) {
				Thread.sleep(route.delay());
			}
			route.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
			String etag = route.headers().get("ETag");
			if (etag != null && etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
				exchange.sendResponseHeaders(304, -1);
				return;
			}
			if (route.contentType() != null) {
				exchange.getResponseHeaders().add("Content-Type", route.contentType());
			}
			exchange.sendResponseHeaders(route.status(), (route.body().length == 0) ? -1 : route.body().length);
			exchange.getResponseBody().write(route.body());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		catch (IOException ex) {
			// the client gave up (a timeout on purpose)
		}
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}
