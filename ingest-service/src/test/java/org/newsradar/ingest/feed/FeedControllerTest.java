package org.newsradar.ingest.feed;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.newsradar.ingest.IngestProperties;
import org.newsradar.ingest.article.InvalidRequestException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;

/**
 * The feeds API on its own (a web slice, no Kafka): the registry, which keeps feeds in
 * Kafka and polls them, replaced by a mock.
 */
@WebMvcTest(FeedController.class)
@EnableConfigurationProperties(IngestProperties.class)
class FeedControllerTest {

	private static final Instant ADDED = Instant.parse("2026-12-01T08:00:00Z");

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	FeedRegistry registry;

	@Test
	void aFeedRegisteredIsA201WithItsAddressAndCanBeRegisteredPaused() {
		given(this.registry.add("https://news.example.com/rss", "Example", "30m", true))
			.willReturn(status("example", "https://news.example.com/rss", 0));

		assertThat(post("/api/feeds",
				"{\"url\": \"https://news.example.com/rss\", \"name\": \"Example\", \"interval\": \"30m\", \"status\": \"paused\"}"))
			.hasStatus(HttpStatus.CREATED)
			.hasHeader("Location", "/api/feeds/example")
			.bodyJson()
			.extractingPath("$.id")
			.isEqualTo("example");
		verify(this.registry).add("https://news.example.com/rss", "Example", "30m", true);
	}

	@Test
	void aFeedRegisteredAlreadyIsA409PointingAtItAndAnInvalidOneA400SayingWhy() {
		Feed existing = new Feed("old", "https://news.example.com/rss", null, Duration.ofMinutes(15), false, Feed.API,
				ADDED);
		given(this.registry.add("https://news.example.com/rss", null, null, false))
			.willThrow(new FeedRegistry.AlreadyRegisteredException(existing));
		given(this.registry.add("ftp://nowhere", null, null, false))
			.willThrow(new InvalidRequestException("'url': only http and https feeds are polled."));

		assertThat(post("/api/feeds", "{\"url\": \"https://news.example.com/rss\"}")).hasStatus(HttpStatus.CONFLICT)
			.hasHeader("Location", "/api/feeds/old")
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(post("/api/feeds", "{\"url\": \"ftp://nowhere\"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("'url': only http and https feeds are polled.");
	}

	@Test
	void aBulkRequestSaysWhatBecameOfEachFeedInOrder() {
		given(this.registry.add("https://a.example.com/rss", null, null, false))
			.willReturn(status("a", "https://a.example.com/rss", 0));
		given(this.registry.add("https://b.example.com/rss", null, null, false))
			.willThrow(new FeedRegistry.AlreadyRegisteredException(
					new Feed("b", "https://b.example.com/rss", null, Duration.ofMinutes(15), false, Feed.API, ADDED)));
		given(this.registry.add("nonsense", null, null, false))
			.willThrow(new InvalidRequestException("'url': 'nonsense' is not an absolute http(s) URL."));

		assertThat(post("/api/feeds/bulk",
				"[{\"url\": \"https://a.example.com/rss\"}, null, {\"url\": \"https://b.example.com/rss\"}, {\"url\": \"nonsense\"}]"))
			.hasStatusOk()
			.bodyJson()
			.isLenientlyEqualTo(
					"""
							{"added": 1, "existing": 1, "invalid": 2, "results": [
								{"index": 0, "status": "added", "id": "a"},
								{"index": 1, "status": "invalid", "error": "a feed must be a JSON object"},
								{"index": 2, "status": "exists", "id": "b"},
								{"index": 3, "status": "invalid", "error": "'url': 'nonsense' is not an absolute http(s) URL."}]}
							""");
	}

	@Test
	void theListComesInPagesOldestFirstWhenASizeIsGiven() {
		given(this.registry.list()).willReturn(List.of(status("c", "https://c.example.com/rss", 2),
				status("a", "https://a.example.com/rss", 0), status("b", "https://b.example.com/rss", 1)));

		MvcTestResult first = this.mvc.get().uri("/api/feeds?size=2").exchange();
		assertThat(first).hasStatusOk()
			.hasHeader("X-Total-Count", "3")
			.bodyJson()
			.extractingPath("$[*].id")
			.asArray()
			.containsExactly("a", "b");
		String cursor = first.getResponse().getHeader("X-Next-Cursor");
		assertThat(this.mvc.get().uri("/api/feeds?size=2&cursor={cursor}", cursor)).hasStatusOk()
			.doesNotContainHeader("X-Next-Cursor")
			.bodyJson()
			.extractingPath("$[*].id")
			.asArray()
			.containsExactly("c");
	}

	@Test
	void anUnknownFeedIsA404ProblemForEveryAction() {
		given(this.registry.find(anyString())).willReturn(Optional.empty());
		given(this.registry.pause(anyString(), anyBoolean())).willReturn(Optional.empty());

		assertThat(this.mvc.get().uri("/api/feeds/nowhere")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.post().uri("/api/feeds/nowhere/pause")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.post().uri("/api/feeds/nowhere/resume")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.delete().uri("/api/feeds/nowhere")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		verify(this.registry).remove("nowhere");
	}

	private MvcTestResult post(String uri, String json) {
		return this.mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(json).exchange();
	}

	private static FeedStatus status(String id, String url, int minutesAfter) {
		return new FeedStatus(id, url, null, "15m", "active", Feed.API, ADDED.plusSeconds(60L * minutesAfter), null,
				null, null, 0, null, 0, 0, 0, null);
	}

}
