package org.newsradar.ingest.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import org.newsradar.operations.OutboundGuard;

import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * GET requests that behave as a guest should: an honest {@code User-Agent}, robots.txt
 * obeyed (cached an hour per host), at most one request per host every {@code host-delay}
 * (or the site's {@code Crawl-delay}), a time and size limit on every answer, a bounded
 * number of redirects, each checked again, and no internal addresses unless configured.
 */
@Component
class PoliteFetcher {

	private static final Duration ROBOTS_KEPT = Duration.ofHours(1);

	private static final long ROBOTS_MAX_SIZE = 512 * 1024;

	private static final List<Integer> REDIRECTS = List.of(301, 302, 303, 307, 308);

	private final FeedProperties properties;

	private final HttpClient client;

	private final SimpleRobotRulesParser robotsParser = new SimpleRobotRulesParser();

	private final String robotName;

	private final Map<String, Robots> robots = new ConcurrentHashMap<>();

	private final Map<String, Lock> robotsLocks = new ConcurrentHashMap<>();

	private final Map<String, Instant> nextSlot = new ConcurrentHashMap<>();

	private final Clock clock;

	private final OutboundGuard guard;

	PoliteFetcher(FeedProperties properties, OutboundGuard guard, Clock clock) {
		this.properties = properties;
		this.clock = clock;
		this.guard = guard;
		this.client = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.version(HttpClient.Version.HTTP_1_1)
			.build();
		this.robotName = properties.userAgent().split("[/\\s]", 2)[0];
	}

	/**
	 * An answer.
	 *
	 * @param uri where it came from, after redirects
	 * @param status the HTTP status
	 * @param contentType the {@code Content-Type}, or {@code null}
	 * @param body the body
	 * @param etag the {@code ETag}, or {@code null}
	 * @param lastModified the {@code Last-Modified}, or {@code null}
	 * @param location the {@code Location}, or {@code null}
	 */
	record Fetched(URI uri, int status, String contentType, byte[] body, String etag, String lastModified,
			String location) {

		Fetched(URI uri, HttpResponse<byte[]> response) {
			this(uri, response.statusCode(), header(response, "Content-Type"), response.body(),
					header(response, "ETag"), header(response, "Last-Modified"), header(response, "Location"));
		}

		private static String supported(String charset) {
			try {
				return Charset.isSupported(charset) ? charset : null;
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

		private static String header(HttpResponse<?> response, String name) {
			return response.headers().firstValue(name).orElse(null);
		}

		/** The charset the {@code Content-Type} names, or {@code null}. */
		String charset() {
			if (this.contentType == null) {
				return null;
			}
			for (String parameter : this.contentType.split(";")) {
				String[] pair = parameter.strip().split("=", 2);
				if (pair.length == 2 && pair[0].equalsIgnoreCase("charset")) {
					return supported(pair[1].replace("\"", "").strip());
				}
			}
			return null;
		}

	}

	/**
	 * Fetches {@code uri}, following redirects.
	 * @param uri an http or https address
	 * @param headers further request headers ({@code If-None-Match}, {@code Accept}...)
	 * @param maxSize the largest body taken
	 * @return the answer, whatever its status (except redirects)
	 * @throws FetchException when there is no answer to use
	 */
	Fetched get(URI uri, Map<String, String> headers, DataSize maxSize) throws FetchException {
		URI current = uri;
		for (int redirects = 0;; redirects++) {
			check(current);
			if (!robotsOf(current).rules().isAllowed(current.toString())) {
				throw new FetchException("robots.txt of " + current.getHost() + " does not allow " + this.robotName
						+ " to fetch " + current.getRawPath(), false);
			}
			Fetched fetched = send(current, headers, maxSize.toBytes());
			if (!REDIRECTS.contains(fetched.status())) {
				return fetched;
			}
			if (redirects == this.properties.maxRedirects()) {
				throw new FetchException("More than " + this.properties.maxRedirects() + " redirects from " + uri,
						false);
			}
			current = location(current, fetched);
		}
	}

	/** An http(s) URI with a host, or why not. */
	static URI parse(String url) {
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

	/** {@code scheme://host[:port]}: what one robots.txt covers. */
	private static String site(URI uri) {
		return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
	}

	/** The site's rules, asked for by one request at a time per site. */
	private Robots robotsOf(URI uri) throws FetchException {
		String site = site(uri);
		Lock lock = this.robotsLocks.computeIfAbsent(site, (key) -> new ReentrantLock());
		lock.lock();
		try {
			Robots known = this.robots.get(site);
			if (known != null && known.fetchedAt().plus(ROBOTS_KEPT).isAfter(this.clock.instant())) {
				return known;
			}
			return fetchRobots(site);
		}
		finally {
			lock.unlock();
		}
	}

	private Robots fetchRobots(String site) throws FetchException {
		Instant now = this.clock.instant();
		BaseRobotRules rules;
		try {
			Fetched fetched = send(URI.create(site + "/robots.txt"), Map.of(), ROBOTS_MAX_SIZE);
			rules = (fetched.status() == 200)
					? this.robotsParser.parseContent(site + "/robots.txt", fetched.body(),
							(fetched.contentType() != null) ? fetched.contentType() : "text/plain", this.robotName)
					: this.robotsParser.failedFetch(fetched.status());
		}
		catch (FetchException ex) {
			if (!ex.isTransient()) {
				throw ex;
			}
			// No answer: crawl nothing now (as for a 5xx), ask again next time.
			rules = this.robotsParser.failedFetch(503);
			now = now.minus(ROBOTS_KEPT);
		}
		Robots fresh = new Robots(rules, now);
		this.robots.put(site, fresh);
		return fresh;
	}

	private record Robots(BaseRobotRules rules, Instant fetchedAt) {

	}

	private Fetched send(URI uri, Map<String, String> headers, long maxSize) throws FetchException {
		awaitTurn(uri);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.GET()
			.timeout(this.properties.timeout())
			.header("User-Agent", this.properties.userAgent());
		headers.forEach(request::header);
		CompletableFuture<HttpResponse<byte[]>> answer = this.client.sendAsync(request.build(),
				(info) -> new LimitedBody(info.headers().firstValueAsLong("Content-Length").orElse(-1), maxSize));
		try {
			return new Fetched(uri, answer.get(this.properties.timeout().toMillis(), TimeUnit.MILLISECONDS));
		}
		catch (TimeoutException ex) {
			answer.cancel(true);
			throw new FetchException("No complete answer from " + uri + " within " + seconds(this.properties.timeout()),
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

	private FetchException failure(URI uri, Throwable cause) {
		if (cause instanceof TooLarge tooLarge) {
			return new FetchException(uri + " is larger than the " + tooLarge.limit / 1024 + " KB limit", false);
		}
		if (cause instanceof HttpConnectTimeoutException) {
			return new FetchException(
					"Could not connect to " + uri.getHost() + " within " + seconds(this.properties.connectTimeout()),
					true);
		}
		if (cause instanceof HttpTimeoutException) {
			return new FetchException("No answer from " + uri + " within " + seconds(this.properties.timeout()), true);
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

	/**
	 * Waits until this host may be asked again: {@code host-delay} after the last request
	 * to it, or the site's {@code Crawl-delay} if that is longer (up to
	 * {@code max-crawl-delay}).
	 */
	private void awaitTurn(URI uri) throws FetchException {
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		Duration delay = this.properties.hostDelay();
		Robots known = this.robots.get(site(uri));
		if (known != null && known.rules().getCrawlDelay() > 0) {
			Duration crawlDelay = Duration.ofMillis(known.rules().getCrawlDelay());
			delay = (crawlDelay.compareTo(this.properties.maxCrawlDelay()) > 0) ? this.properties.maxCrawlDelay()
					: (crawlDelay.compareTo(delay) > 0) ? crawlDelay : delay;
		}
		Duration spacing = delay;
		Instant now = this.clock.instant();
		Instant slot = this.nextSlot.compute(host,
				(key, next) -> ((next == null || next.isBefore(now)) ? now : next).plus(spacing));
		Duration wait = Duration.between(now, slot.minus(spacing));
		if (!wait.isNegative() && !wait.isZero()) {
			try {
				Thread.sleep(wait);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new FetchException("Interrupted while waiting for " + host, true);
			}
		}
	}

	/** A body kept in memory up to a limit; a larger one is cut off and fails. */
	private static final class LimitedBody implements BodySubscriber<byte[]> {

		private final CompletableFuture<byte[]> result = new CompletableFuture<>();

		private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();

		private final long declared;

		private final long limit;

		private Flow.Subscription subscription;

		LimitedBody(long declared, long limit) {
			this.declared = declared;
			this.limit = limit;
		}

		@Override
		public void onSubscribe(Flow.Subscription subscription) {
			this.subscription = subscription;
			if (this.declared > this.limit) {
				subscription.cancel();
				this.result.completeExceptionally(new TooLarge(this.limit));
			}
			else {
				subscription.request(Long.MAX_VALUE);
			}
		}

		@Override
		public void onNext(List<ByteBuffer> items) {
			for (ByteBuffer item : items) {
				if (this.buffer.size() + item.remaining() > this.limit) {
					this.subscription.cancel();
					this.result.completeExceptionally(new TooLarge(this.limit));
					return;
				}
				byte[] bytes = new byte[item.remaining()];
				item.get(bytes);
				this.buffer.writeBytes(bytes);
			}
		}

		@Override
		public void onError(Throwable throwable) {
			this.result.completeExceptionally(throwable);
		}

		@Override
		public void onComplete() {
			this.result.complete(this.buffer.toByteArray());
		}

		@Override
		public CompletionStage<byte[]> getBody() {
			return this.result;
		}

	}

	private static final class TooLarge extends IOException {

		private final long limit;

		TooLarge(long limit) {
			super("larger than " + limit + " bytes");
			this.limit = limit;
		}

	}

}
