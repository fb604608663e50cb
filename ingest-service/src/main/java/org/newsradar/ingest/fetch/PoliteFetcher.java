package org.newsradar.ingest.fetch;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.newsradar.operations.OutboundGuard;

import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * GET requests that behave as a guest should: an honest {@code User-Agent}, robots.txt
 * obeyed ({@link RobotsRules}), at most one request per host every {@code host-delay} (or
 * the site's {@code Crawl-delay}: {@link HostThrottle}), a time and size limit on every
 * answer ({@link BoundedBody}), a bounded number of redirects, each checked again, and no
 * internal addresses unless configured ({@link OutboundGuard}). Feeds and the pages their
 * items link to are fetched through it.
 */
@Component
public class PoliteFetcher {

	private static final List<Integer> REDIRECTS = List.of(301, 302, 303, 307, 308);

	private final FetchSettings settings;

	private final HttpClient client;

	private final OutboundGuard guard;

	private final RobotsRules robots;

	private final HostThrottle throttle;

	PoliteFetcher(FetchSettings settings, OutboundGuard guard, Clock clock) {
		this.settings = settings;
		this.guard = guard;
		this.client = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		this.robots = new RobotsRules(settings.robotName(), (uri, maxSize) -> send(uri, Map.of(), maxSize), clock);
		this.throttle = new HostThrottle(clock);
	}

	/**
	 * Fetches {@code uri}, following redirects.
	 * @param uri an http or https address
	 * @param headers further request headers ({@code If-None-Match}, {@code Accept}...)
	 * @param maxSize the largest body taken
	 * @return the answer, whatever its status (except redirects)
	 * @throws FetchException when there is no answer to use
	 */
	public Fetched get(URI uri, Map<String, String> headers, DataSize maxSize) throws FetchException {
		URI current = uri;
		for (int redirects = 0;; redirects++) {
			check(current);
			if (!this.robots.allows(current)) {
				throw new FetchException("robots.txt of " + current.getHost() + " does not allow "
						+ this.settings.robotName() + " to fetch " + current.getRawPath(), false);
			}
			Fetched fetched = send(current, headers, maxSize.toBytes());
			if (!REDIRECTS.contains(fetched.status())) {
				return fetched;
			}
			if (redirects == this.settings.maxRedirects()) {
				throw new FetchException("More than " + this.settings.maxRedirects() + " redirects from " + uri, false);
			}
			current = location(current, fetched);
		}
	}

	/** An http(s) URI with a host, or why not. */
	public static URI parse(String url) {
		URI uri = URI.create(url.strip());
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
			throw new IllegalArgumentException("'" + url + "' is not an http or https address");
		}
		return uri;
	}

	private URI location(URI from, Fetched redirect) throws FetchException {
		String location = redirect.location();
		if (location == null) {
			throw new FetchException("HTTP " + redirect.status() + " without a Location from " + from, false);
		}
		try {
			return parse(from.resolve(location.strip()).toString());
		}
		catch (IllegalArgumentException ex) {
			throw new FetchException("Redirect from " + from + " to an unusable address: " + location, false);
		}
	}

	/** Refuses internal addresses unless they are allowed. */
	private void check(URI uri) throws FetchException {
		Optional<String> refusal = this.guard.refusal(uri);
		if (refusal.isPresent()) {
			throw new FetchException(refusal.get(), false);
		}
	}

	private Fetched send(URI uri, Map<String, String> headers, long maxSize) throws FetchException {
		this.throttle.awaitTurn(uri, spacing(uri));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.GET()
			.timeout(this.settings.timeout())
			.header("User-Agent", this.settings.userAgent());
		headers.forEach(request::header);
		CompletableFuture<HttpResponse<byte[]>> answer = this.client.sendAsync(request.build(),
				(info) -> new BoundedBody(info.headers().firstValueAsLong("Content-Length").orElse(-1), maxSize));
		try {
			return new Fetched(uri, answer.get(this.settings.timeout().toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (TimeoutException ex) {
			answer.cancel(true);
			throw new FetchException("No complete answer from " + uri + " within " + seconds(this.settings.timeout()),
					true);
		}
		catch (ExecutionException ex) {
			throw failure(uri, ex.getCause());
		}
		catch (InterruptedException ex) {
			answer.cancel(true);
			Thread.currentThread().interrupt();
			throw new FetchException("Interrupted while fetching " + uri, true);
		}
	}

	/**
	 * {@code host-delay}, or the site's {@code Crawl-delay} if that is longer (up to
	 * {@code max-crawl-delay}).
	 */
	private Duration spacing(URI uri) {
		Duration crawlDelay = this.robots.crawlDelay(uri);
		if (crawlDelay.compareTo(this.settings.maxCrawlDelay()) > 0) {
			return this.settings.maxCrawlDelay();
		}
		return (crawlDelay.compareTo(this.settings.hostDelay()) > 0) ? crawlDelay : this.settings.hostDelay();
	}

	private FetchException failure(URI uri, Throwable cause) {
		if (cause instanceof BoundedBody.TooLarge tooLarge) {
			return new FetchException(uri + " is larger than the " + tooLarge.limit / 1024 + " KB limit", false);
		}
		if (cause instanceof HttpConnectTimeoutException) {
			return new FetchException(
					"Could not connect to " + uri.getHost() + " within " + seconds(this.settings.connectTimeout()),
					true);
		}
		if (cause instanceof HttpTimeoutException) {
			return new FetchException("No answer from " + uri + " within " + seconds(this.settings.timeout()), true);
		}
		if (cause instanceof ConnectException) {
			return new FetchException("Could not connect to " + uri.getHost() + ": connection refused", true);
		}
		String message = (cause.getMessage() != null) ? cause.getMessage() : cause.getClass().getSimpleName();
		return new FetchException("Fetching " + uri + " failed: " + message, cause instanceof IOException);
	}

	private static String seconds(Duration duration) {
		return (duration.toMillis() % 1000 == 0) ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
	}

}
