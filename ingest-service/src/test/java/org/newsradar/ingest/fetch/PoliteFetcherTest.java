package org.newsradar.ingest.fetch;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.newsradar.ingest.feed.FixtureServer;
import org.newsradar.operations.OutboundGuard;
import org.newsradar.operations.OutboundProperties;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PoliteFetcherTest {

	private static final String USER_AGENT = "NewsRadarTest/1.0 (+mailto:ops@newsradar.example)";

	private final FixtureServer site = new FixtureServer();

	@AfterEach
	void stop() {
		this.site.close();
	}

	@Test
	void loopbackIsRefusedUnlessAllowedAndNothingIsSent() {
		PoliteFetcher fetcher = fetcher(false, Duration.ZERO, Duration.ofSeconds(5));
		assertThatExceptionOfType(FetchException.class).isThrownBy(() -> get(fetcher, "/feed.xml"))
			.withMessage("127.0.0.1 is an internal address (127.0.0.1); requests to those are refused unless "
					+ "newsradar.outbound.allow-loopback is true")
			.matches((ex) -> !ex.isTransient());
		assertThat(this.site.requests()).isEmpty();
	}

	@Test
	void robotsTxtIsObeyedAndAskedOnceAndTheUserAgentIsHonest() throws Exception {
		this.site
			.answer("/robots.txt", 200, "text/plain",
					"User-agent: *\nDisallow: /private/\n\nUser-agent: NewsRadarTest\nDisallow: /no-radar/\n", Map.of())
			.answer("/public/page", 200, "text/html", "<p>hello</p>", Map.of());
		PoliteFetcher fetcher = fetcher(true, Duration.ZERO, Duration.ofSeconds(5));

		assertThat(get(fetcher, "/public/page").status()).isEqualTo(200);
		assertThatExceptionOfType(FetchException.class).isThrownBy(() -> get(fetcher, "/no-radar/page"))
			.withMessage("robots.txt of 127.0.0.1 does not allow NewsRadarTest to fetch /no-radar/page");
		assertThat(get(fetcher, "/private/page").status())
			.as("a group for the robot by name replaces the * group, as RFC 9309 says")
			.isEqualTo(404);

		assertThat(this.site.requests("/robots.txt")).hasSize(1);
		assertThat(this.site.requests("/no-radar/page")).isEmpty();
		assertThat(this.site.requests())
			.allSatisfy((request) -> assertThat(request.headers().getFirst("User-Agent")).isEqualTo(USER_AGENT));
	}

	@Test
	void redirectsAreFollowedAndBounded() throws Exception {
		this.site.answer("/old", 301, null, "", Map.of("Location", "/new"))
			.answer("/new", 200, "application/rss+xml", "<rss/>", Map.of())
			.answer("/loop", 302, null, "", Map.of("Location", this.site.url("/loop")));
		PoliteFetcher fetcher = fetcher(true, Duration.ZERO, Duration.ofSeconds(5));

		Fetched moved = get(fetcher, "/old");
		assertThat(moved.status()).isEqualTo(200);
		assertThat(moved.uri()).isEqualTo(URI.create(this.site.url("/new")));
		assertThatExceptionOfType(FetchException.class).isThrownBy(() -> get(fetcher, "/loop"))
			.withMessage("More than 3 redirects from " + this.site.url("/loop"));
		assertThat(this.site.requests("/loop")).hasSize(4);
	}

	@Test
	void answersAreLimitedInSizeAndTime() {
		this.site.answer("/big", 200, "text/html", "x".repeat(2048), Map.of()).slow("/slow", Duration.ofSeconds(5));
		PoliteFetcher fetcher = fetcher(true, Duration.ZERO, Duration.ofMillis(500));

		assertThatExceptionOfType(FetchException.class).isThrownBy(() -> get(fetcher, "/big"))
			.withMessage(this.site.url("/big") + " is larger than the 1 KB limit");
		assertThatExceptionOfType(FetchException.class).isThrownBy(() -> get(fetcher, "/slow"))
			.withMessageStartingWith("No ")
			.withMessageContaining(this.site.url("/slow") + " within 500 ms")
			.matches(FetchException::isTransient);
	}

	@Test
	void oneHostIsAskedAtMostOnceEveryHostDelay() throws Exception {
		this.site.answer("/a", 200, "text/plain", "a", Map.of());
		PoliteFetcher fetcher = fetcher(true, Duration.ofMillis(300), Duration.ofSeconds(5));
		for (int i = 0; i < 3; i++) {
			get(fetcher, "/a");
		}
		List<FixtureServer.Request> requests = this.site.requests();
		assertThat(requests).hasSize(4);
		for (int i = 1; i < requests.size(); i++) {
			assertThat(Duration.between(requests.get(i - 1).at(), requests.get(i).at()))
				.isGreaterThanOrEqualTo(Duration.ofMillis(250));
		}
	}

	private Fetched get(PoliteFetcher fetcher, String path) throws FetchException {
		return fetcher.get(URI.create(this.site.url(path)), Map.of(), DataSize.ofKilobytes(1));
	}

	static PoliteFetcher fetcher(boolean allowLoopback, Duration hostDelay, Duration timeout) {
		return new PoliteFetcher(
				new FetchSettings(USER_AGENT, Duration.ofSeconds(2), timeout, 3, hostDelay, Duration.ofSeconds(60)),
				new OutboundGuard(new OutboundProperties(allowLoopback, false)), Clock.systemUTC());
	}

}
