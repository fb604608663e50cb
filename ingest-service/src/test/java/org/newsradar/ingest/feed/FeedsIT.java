package org.newsradar.ingest.feed;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.newsradar.engines.TestEngines;
import org.newsradar.events.Topics;
import org.newsradar.kafka.CompactedTopicViews;
import org.newsradar.kafka.EventPublisher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Feeds on a running ingest-service with a real broker: a local site serves RSS 2.0, Atom
 * and RDF feeds, news pages with furniture, and feeds that fail (a 404, an HTML page,
 * garbage, one too slow to answer).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "newsradar.outbound.allow-loopback=true", "newsradar.ingest.feeds.host-delay=10ms",
				"newsradar.ingest.feeds.min-interval=1s", "newsradar.ingest.feeds.timeout=1s",
				"newsradar.ingest.feeds.sources[0].id=caspian-courier",
				"newsradar.ingest.feeds.sources[0].name=The Caspian Courier",
				"newsradar.ingest.feeds.sources[0].interval=1s" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedsIT {

	static final FixtureServer site = new FixtureServer()
		.resource("/feeds/world.rss", "/feeds/ministry-rss2.xml", "application/rss+xml; charset=utf-8")
		.resource("/feeds/courier.atom", "/feeds/courier-atom.xml", "application/atom+xml")
		.resource("/fr/fil.rdf", "/feeds/agency-rdf.xml", "application/rdf+xml")
		.resource("/world/2024/01/15/kazakhstan-one-china?utm_source=rss&utm_medium=feed",
				"/pages/ministry-statement.html", "text/html; charset=utf-8")
		.resource("/world/2024/05/17/china-kazakhstan-joint-statement?utm_source=rss", "/pages/joint-statement.html",
				"text/html; charset=utf-8")
		.resource("/amp/world/2024/05/17/china-kazakhstan-joint-statement", "/pages/joint-statement.html",
				"text/html; charset=utf-8")
		.resource("/fr/monde/2024/05/17/declaration-conjointe-chine-kazakhstan?xtor=RSS-1",
				"/pages/declaration-conjointe.html", "text/html")
		.resource("/feeds/page.html", "/pages/joint-statement.html", "text/html; charset=utf-8")
		.answer("/feeds/garbage.xml", 200, "application/xml", "\u0001\u0002PK garbage, not a feed", Map.of())
		.slow("/feeds/slow.rss", Duration.ofSeconds(4));

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		TestEngines.registerKafka(registry);
		// A list is bound from one property source: the whole configured feed is here.
		registry.add("newsradar.ingest.feeds.sources[0].id", () -> "caspian-courier");
		registry.add("newsradar.ingest.feeds.sources[0].url", () -> site.url("/feeds/courier.atom"));
		registry.add("newsradar.ingest.feeds.sources[0].name", () -> "The Caspian Courier");
		registry.add("newsradar.ingest.feeds.sources[0].interval", () -> "1s");
	}

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	private final Map<String, String> ids = new LinkedHashMap<>();

	private Consumer<String, String> raw;

	@BeforeAll
	void registerFeeds() throws Exception {
		this.raw = TestEngines.follow(new StringDeserializer(), Topics.ARTICLES_RAW);
		for (String path : List.of("/feeds/world.rss", "/fr/fil.rdf", "/feeds/gone.rss", "/feeds/page.html",
				"/feeds/garbage.xml", "/feeds/slow.rss")) {
			String name = path.equals("/fr/fil.rdf") ? ",\"name\":\"L'Écho des steppes\"" : "";
			HttpResponse<String> added = send("POST", "/api/feeds",
					"{\"url\":\"%s\",\"interval\":\"1s\"%s}".formatted(site.url(path), name));
			assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
			this.ids.put(path, this.json.readTree(added.body()).get("id").asString());
			if (path.equals("/feeds/world.rss")) {
				// The agency's feed carries one of this feed's items too: the version
				// taken first stays, so this feed is read before the agency's is added.
				await().atMost(Duration.ofSeconds(30)).until(() -> feed(path).path("items_seen").asLong(0) == 3);
			}
		}
	}

	@AfterAll
	void close() {
		this.raw.close();
		site.close();
	}

	@Test
	@Order(1)
	void eachArticleArrivesOnceCleanUnderItsCanonicalUrl() {
		Map<String, JsonNode> articles = new LinkedHashMap<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			collect(articles);
			return articles.size() >= 5;
		});
		// Later polls answer 304 and items already seen are not taken again.
		long quiet = System.nanoTime() + Duration.ofSeconds(3).toNanos();
		while (System.nanoTime() < quiet) {
			collect(articles);
		}
		String base = site.base();
		assertThat(articles.keySet()).containsExactlyInAnyOrder(base + "/world/2024/01/15/kazakhstan-one-china",
				base + "/world/2024/05/17/china-kazakhstan-joint-statement",
				base + "/world/2024/05/20/minister-receives-japan-ambassador",
				base + "/opinion/2024/06/01/neutrality-speech",
				base + "/fr/monde/2024/05/17/declaration-conjointe-chine-kazakhstan");

		JsonNode statement = articles.get(base + "/world/2024/01/15/kazakhstan-one-china");
		assertThat(statement.get("source").asString()).isEqualTo("The Steppe Herald: World");
		assertThat(statement.get("title").asString())
			.isEqualTo("Kazakhstan reaffirms its support for the one-China principle");
		assertThat(statement.get("body").asString())
			.startsWith("ASTANA – The Ministry of Foreign Affairs of Kazakhstan said on Monday")
			.doesNotContain("Leave a Reply", "Related articles", "Subscribe", "Advertisement", "Privacy policy");
		assertThat(statement.get("published_at").asString()).isEqualTo("2024-01-15T02:20:00Z");
		assertThat(statement.get("language").asString()).isEqualTo("en");

		JsonNode joint = articles.get(base + "/world/2024/05/17/china-kazakhstan-joint-statement");
		assertThat(joint.get("body").asString()).contains("reaffirmed its adherence to the one-China principle")
			.doesNotContain("Learn Chinese", "Boxing", "Share on Facebook");

		JsonNode missingPage = articles.get(base + "/world/2024/05/20/minister-receives-japan-ambassador");
		assertThat(missingPage.get("body").asString())
			.isEqualTo("The sides discussed the preparations for the Central Asia plus Japan summit in Astana.");

		JsonNode opinion = articles.get(base + "/opinion/2024/06/01/neutrality-speech");
		assertThat(opinion.get("source").asString()).isEqualTo("The Caspian Courier");
		assertThat(opinion.get("body").asString()).startsWith("ASHGABAT – President Serdar Berdimuhamedov")
			.doesNotContain("Share this");
		assertThat(site.requests("/opinion/2024/06/01/neutrality-speech"))
			.as("a feed that carries the article is not followed to the page")
			.isEmpty();

		JsonNode french = articles.get(base + "/fr/monde/2024/05/17/declaration-conjointe-chine-kazakhstan");
		assertThat(french.get("source").asString()).isEqualTo("L'Écho des steppes");
		assertThat(french.get("language").asString()).isEqualTo("fr");
		assertThat(french.get("title").asString())
			.isEqualTo("Le Kazakhstan et la Chine publient une déclaration conjointe");
		assertThat(french.get("body").asString()).contains("principe d'une seule Chine")
			.doesNotContain("cookies", "Abonnez-vous", "Laisser un commentaire");

		assertThat(site.requests("/world/2024/01/15/kazakhstan-one-china?ref=rdf"))
			.as("an item whose address is known already is not fetched")
			.isEmpty();
	}

	@Test
	@Order(2)
	void laterPollsAreConditionalAndTheFeedsReportWhatTheyTook() throws Exception {
		await().atMost(Duration.ofSeconds(15))
			.until(() -> site.requests("/feeds/world.rss")
				.stream()
				.anyMatch((request) -> request.headers().getFirst("If-None-Match") != null
						&& FixtureServer.LAST_MODIFIED.equals(request.headers().getFirst("If-Modified-Since"))));
		await().atMost(Duration.ofSeconds(15))
			.untilAsserted(
					() -> assertThat(feed("/feeds/world.rss").get("status").asString()).isEqualTo("not_modified"));

		JsonNode rss = feed("/feeds/world.rss");
		assertThat(rss.get("items_seen").asLong()).isEqualTo(3);
		assertThat(rss.get("item_errors").asLong()).isEqualTo(1);
		assertThat(rss.get("last_item_error").asString()).isEqualTo("The page " + site.base()
				+ "/world/2024/05/20/minister-receives-japan-ambassador answered HTTP 404 Not Found; the feed's summary"
				+ " was published");
		assertThat(rss.get("interval").asString()).isEqualTo("1s");
		assertThat(rss.get("origin").asString()).isEqualTo("api");
		assertThat(rss.has("last_error")).isFalse();

		JsonNode courier = this.json.readTree(send("GET", "/api/feeds/caspian-courier", null).body());
		assertThat(courier.get("origin").asString()).isEqualTo("configuration");
		assertThat(courier.get("items_seen").asLong()).isEqualTo(2);
		assertThat(courier.get("item_errors").asLong()).isZero();
		assertThat(feed("/fr/fil.rdf").get("items_seen").asLong()).isEqualTo(2);

		assertThat(site.requests("/robots.txt")).as("robots.txt asked once per site (cached)").hasSize(1);
		assertThat(site.requests())
			.allSatisfy((request) -> assertThat(request.headers().getFirst("User-Agent")).startsWith("NewsRadar/"));
	}

	@Test
	@Order(3)
	void failingFeedsShowWhatIsWrongAndAreTriedLessOften() throws Exception {
		String base = site.base();
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			assertThat(feed("/feeds/gone.rss").get("last_error").asString())
				.isEqualTo("The feed " + base + "/feeds/gone.rss answered HTTP 404 Not Found");
			assertThat(feed("/feeds/page.html").get("last_error").asString())
				.isEqualTo("Not a feed: " + base + "/feeds/page.html answered with an HTML page (text/html; "
						+ "charset=utf-8), not RSS or Atom; the page links to a feed at " + base + "/feeds/world.rss");
			assertThat(feed("/feeds/garbage.xml").get("last_error").asString())
				.startsWith("Not a feed: the answer from " + base + "/feeds/garbage.xml is not XML (application/xml");
			assertThat(feed("/feeds/slow.rss").get("last_error").asString())
				.matches("No (complete )?answer from " + base + "/feeds/slow.rss within 1 s");
		});
		for (String path : List.of("/feeds/gone.rss", "/feeds/page.html", "/feeds/garbage.xml", "/feeds/slow.rss")) {
			JsonNode failing = feed(path);
			assertThat(failing.get("status").asString()).isEqualTo("error");
			assertThat(failing.get("consecutive_failures").asInt()).isPositive();
			assertThat(failing.get("items_seen").asLong()).isZero();
		}
		await().atMost(Duration.ofSeconds(15))
			.until(() -> feed("/feeds/gone.rss").get("consecutive_failures").asInt() >= 3);
		JsonNode gone = feed("/feeds/gone.rss");
		Duration wait = Duration.between(Instant.parse(gone.get("last_poll_at").asString()),
				Instant.parse(gone.get("next_poll_at").asString()));
		assertThat(wait).as("backoff after %s failures", gone.get("consecutive_failures"))
			.isGreaterThanOrEqualTo(Duration.ofSeconds(4));
	}

	@Test
	@Order(4)
	void theApiSaysWhatIsWrongWithARegistration() throws Exception {
		HttpResponse<String> ftp = send("POST", "/api/feeds", "{\"url\":\"ftp://example.org/feed.xml\"}");
		assertThat(ftp.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(ftp.body()).get("detail").asString())
			.isEqualTo("'url': 'ftp://example.org/feed.xml' is not an http or https address.");

		HttpResponse<String> fast = send("POST", "/api/feeds",
				"{\"url\":\"https://example.org/feed.xml\",\"interval\":\"100ms\"}");
		assertThat(fast.statusCode()).isEqualTo(400);
		assertThat(this.json.readTree(fast.body()).get("detail").asString())
			.isEqualTo("'interval': 100ms is shorter than the shortest allowed, 1s.");

		HttpResponse<String> again = send("POST", "/api/feeds",
				"{\"url\":\"%s\"}".formatted(site.url("/feeds/world.rss")));
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(again.headers().firstValue("Location")).contains("/api/feeds/" + this.ids.get("/feeds/world.rss"));

		HttpResponse<String> missing = send("GET", "/api/feeds/no-such-feed", null);
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(this.json.readTree(missing.body()).get("detail").asString())
			.isEqualTo("No feed with id 'no-such-feed'");
	}

	@Test
	@Order(4)
	void manyFeedsAreRegisteredInOneRequestEachOnItsOwn() throws Exception {
		HttpResponse<String> response = send("POST", "/api/feeds/bulk", """
				[{"url":"%s"}, {"url":"ftp://example.org/feed.xml"}, {"url":"%s","name":"Later","status":"paused"},
				 {"url":"http://169.254.169.254/latest/meta-data/"}]""".formatted(site.url("/feeds/world.rss"),
				site.url("/feeds/later.rss")));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode bulk = this.json.readTree(response.body());
		assertThat(bulk.get("added").asInt()).isEqualTo(1);
		assertThat(bulk.get("existing").asInt()).isEqualTo(1);
		assertThat(bulk.get("invalid").asInt()).isEqualTo(2);
		JsonNode results = bulk.get("results");
		assertThat(results.get(0).get("id").asString()).isEqualTo(this.ids.get("/feeds/world.rss"));
		assertThat(results.get(3).get("error").asString()).contains("169.254.169.254 is an internal address");
		String later = results.get(2).get("id").asString();
		assertThat(this.json.readTree(send("GET", "/api/feeds/" + later, null).body()).get("status").asString())
			.isEqualTo("paused");
		assertThat(send("DELETE", "/api/feeds/" + later, null).statusCode()).isEqualTo(204);
	}

	@Test
	@Order(5)
	void aPausedFeedIsNotPolledAndARemovedOneIsGone() throws Exception {
		String id = this.ids.get("/fr/fil.rdf");
		HttpResponse<String> paused = send("POST", "/api/feeds/" + id + "/pause", null);
		assertThat(this.json.readTree(paused.body()).get("status").asString()).isEqualTo("paused");
		// A poll under way when the pause arrived may still land; then none for 2.5 s
		// (the
		// feed's interval is 1 s).
		AtomicInteger seen = new AtomicInteger(-1);
		await().atMost(Duration.ofSeconds(10)).during(Duration.ofMillis(2500)).until(() -> {
			int now = site.requests("/fr/fil.rdf").size();
			return now == seen.getAndSet(now);
		});
		int polls = seen.get();

		send("POST", "/api/feeds/" + id + "/resume", null);
		await().atMost(Duration.ofSeconds(10)).until(() -> site.requests("/fr/fil.rdf").size() > polls);

		assertThat(send("DELETE", "/api/feeds/" + id, null).statusCode()).isEqualTo(204);
		assertThat(send("GET", "/api/feeds/" + id, null).statusCode()).isEqualTo(404);
		assertThat(this.json.readTree(send("GET", "/api/feeds", null).body())
			.valueStream()
			.map((feed) -> feed.get("id").asString())).doesNotContain(id).contains("caspian-courier");

		// In pages, oldest first: every feed once, and the total on each page.
		HttpResponse<String> all = send("GET", "/api/feeds", null);
		String total = all.headers().firstValue("X-Total-Count").orElseThrow();
		List<String> paged = new ArrayList<>();
		String next = "/api/feeds?size=2";
		while (next != null) {
			HttpResponse<String> page = send("GET", next, null);
			assertThat(page.headers().firstValue("X-Total-Count")).hasValue(total);
			this.json.readTree(page.body()).forEach((feed) -> paged.add(feed.get("id").asString()));
			next = page.headers()
				.firstValue("X-Next-Cursor")
				.map((cursor) -> "/api/feeds?size=2&cursor=" + cursor)
				.orElse(null);
		}
		assertThat(paged).hasSize(Integer.parseInt(total)).doesNotHaveDuplicates();
		assertThat(send("GET", "/api/feeds?size=0", null).statusCode()).isEqualTo(400);
	}

	@Test
	@Order(6)
	void feedsAndWhatPollingFoundSurviveARestart(@Autowired CompactedTopicViews views, @Autowired KafkaProperties kafka,
			@Autowired EventPublisher publisher, @Autowired ApplicationEventPublisher events) throws Exception {
		FeedStore restarted = new FeedStore(views, kafka, this.json, publisher, events, Clock.systemUTC());
		restarted.start();
		try {
			String rss = this.ids.get("/feeds/world.rss");
			assertThat(restarted.find(rss)).get().extracting(Feed::url).isEqualTo(site.url("/feeds/world.rss"));
			assertThat(restarted.find(this.ids.get("/fr/fil.rdf"))).isEmpty();
			FeedState state = restarted.state(rss);
			assertThat(state.itemsSeen()).isEqualTo(3);
			assertThat(state.seen()).hasSize(3);
			assertThat(state.etag()).isNotNull();
			assertThat(state.lastModified()).isEqualTo(FixtureServer.LAST_MODIFIED);
		}
		finally {
			restarted.stop();
		}
	}

	private void collect(Map<String, JsonNode> articles) {
		for (ConsumerRecord<String, String> record : this.raw.poll(Duration.ofMillis(200))) {
			JsonNode article = this.json.readTree(record.value());
			String url = article.path("url").asString("");
			if (url.startsWith(site.base())) {
				assertThat(articles.put(url, article)).as("published twice: %s", url).isNull();
			}
		}
	}

	private JsonNode feed(String path) throws Exception {
		return this.json.readTree(send("GET", "/api/feeds/" + this.ids.get(path), null).body());
	}

	private HttpResponse<String> send(String method, String path, String json) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + path));
		if (json != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method,
				(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
