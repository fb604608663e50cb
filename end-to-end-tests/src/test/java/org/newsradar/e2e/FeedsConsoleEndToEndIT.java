package org.newsradar.e2e;

import java.io.File;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsradar.engines.TestEngines;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The console's feeds page with ingest-service running, both as processes with an API
 * key: a feed added on the page is polled and shows its status and counts; a feed whose
 * address fails shows the error; an address ingest-service refuses comes back with its
 * reason; pause and resume. The feeds answer with no items, so that no article reaches
 * the shared topic that later tests read.
 */
class FeedsConsoleEndToEndIT {

	private static final String API_KEY = "e2e-feeds-" + UUID.randomUUID();

	private static final String RSS = """
			<?xml version="1.0" encoding="UTF-8"?>
			<rss version="2.0"><channel><title>The Steppe Wire</title><link>https://wire.example.org/</link>
			<description>Nothing new today</description></channel></rss>
			""";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static HttpServer site;

	private static ServiceProcess ingest;

	private static ServiceProcess alert;

	private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@BeforeAll
	static void start() throws Exception {
		site = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		site.createContext("/", (exchange) -> {
			byte[] body = RSS.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		site.createContext("/gone.rss", (exchange) -> {
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
		});
		site.start();
		String kafka = "--spring.kafka.bootstrap-servers=" + TestEngines.kafkaBootstrapServers();
		String keys = "--newsradar.api.keys=" + API_KEY;
		ingest = ServiceProcess.start("ingest-service", "384m", kafka, keys,
				"--newsradar.outbound.allow-loopback=true");
		alert = ServiceProcess.start("alert-service", "384m", kafka,
				"--newsradar.elasticsearch.uris=" + TestEngines.elasticsearchUrl(), keys,
				"--newsradar.console.ingest-url=" + ingest.url(""));
		ingest.awaitHealthy();
		alert.awaitHealthy();
	}

	/** Removes this test's feeds, which the feeds topic would keep for later tests. */
	@AfterAll
	static void stop() throws Exception {
		try {
			for (JsonNode feed : json.readTree(ingestApi("GET", "/api/feeds").body())) {
				if (feed.path("url").asString().startsWith(site())) {
					ingestApi("DELETE", "/api/feeds/" + feed.path("id").asString());
				}
			}
		}
		finally {
			ingest.close();
			alert.close();
			site.stop(0);
		}
	}

	@Test
	void feedsAreAddedPolledPausedAndResumedFromTheConsole() throws Exception {
		HttpResponse<String> signedIn = post("/sign-in", Map.of("key", API_KEY, "next", "/feeds"));
		assertThat(signedIn.statusCode()).isEqualTo(302);

		assertThat(submit("/feeds", Map.of("url", site() + "/wire.rss", "interval", "1m")))
			.contains("Added \u201c" + site() + "/wire.rss\u201d: polled every 1m.");
		assertThat(submit("/feeds", Map.of("url", site() + "/gone.rss", "name", "Gone wire", "interval", "1m")))
			.contains("Added \u201cGone wire\u201d");
		assertThat(submit("/feeds", Map.of("url", "ftp://files.example.org/feed.xml")))
			.contains("ingest-service refused it:", "ftp")
			.doesNotContain("Added");

		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			String page = get("/feeds").body();
			assertThat(row(page, site() + "/wire.rss")).contains(">ok<", "UTC", "Pause " + site() + "/wire.rss");
			assertThat(row(page, site() + "/gone.rss")).contains(">error<", "404");
		});

		String wire = row(get("/feeds").body(), site() + "/wire.rss");
		String id = wire.substring(wire.indexOf("data-feed-id=\"") + 14,
				wire.indexOf("\"", wire.indexOf("data-feed-id=\"") + 14));
		assertThat(submit("/feeds/" + id + "/pause", Map.of())).contains("Paused \u201c" + site() + "/wire.rss\u201d");
		assertThat(row(get("/feeds").body(), site() + "/wire.rss")).contains(">paused<",
				"Resume " + site() + "/wire.rss");
		assertThat(json.readTree(ingestApi("GET", "/api/feeds/" + id).body()).path("status").asString())
			.isEqualTo("paused");
		assertThat(submit("/feeds/" + id + "/resume", Map.of()))
			.contains("Resumed \u201c" + site() + "/wire.rss\u201d");
		assertThat(row(get("/feeds").body(), site() + "/wire.rss")).contains("Pause " + site() + "/wire.rss");
	}

	/**
	 * The same page in headless chromium with the keyboard alone: sign in, add a feed,
	 * see it polled, pause it. Its screenshot is {@code docs/console/feeds.png}; no error
	 * may reach the browser's console.
	 */
	@Test
	void theFeedsPageWorksInABrowserWithTheKeyboardAlone() throws Exception {
		File driver = new File(System.getProperty("newsradar.chromedriver", "/usr/bin/chromedriver"));
		File chromium = new File(System.getProperty("newsradar.chromium", "/usr/bin/chromium"));
		assertThat(driver).as("chromium-driver (apt-get install chromium chromium-driver)").canRead();
		ChromeOptions options = new ChromeOptions().setBinary(chromium)
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		WebDriver browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver).build(),
				options);
		try {
			WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
			browser.get(alert.url("/feeds"));
			wait.until(ExpectedConditions.urlContains("/sign-in"));
			browser.switchTo().activeElement().sendKeys(API_KEY, Keys.ENTER);
			wait.until(ExpectedConditions.presenceOfElementLocated(By.id("feed-url")));

			String url = site() + "/browser.rss";
			browser.findElement(By.id("feed-url")).sendKeys(url, Keys.TAB, "Browser wire", Keys.TAB, "1m", Keys.ENTER);
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
					"Added \u201cBrowser wire\u201d"));
			await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				browser.navigate().refresh();
				assertThat(browser.findElement(By.cssSelector("tr[data-feed-id] .state")).isDisplayed()).isTrue();
				assertThat(row(browser.getPageSource(), url)).contains(">ok<");
			});
			screenshot(browser);

			browser.findElement(By.cssSelector("button[aria-label='Pause Browser wire']")).sendKeys(Keys.ENTER);
			wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
					"Paused \u201cBrowser wire"));
			assertThat(browser.findElements(By.cssSelector("button[aria-label='Resume Browser wire']"))).hasSize(1);

			List<LogEntry> errors = browser.manage()
				.logs()
				.get(LogType.BROWSER)
				.getAll()
				.stream()
				.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
				.toList();
			assertThat(errors).as("errors in the browser's console").isEmpty();
		}
		finally {
			browser.quit();
		}
	}

	private static void screenshot(WebDriver browser) throws IOException {
		File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
		Path screenshots = Path.of("..", "docs", "console");
		Files.createDirectories(screenshots);
		Files.copy(shot.toPath(), screenshots.resolve("feeds.png"), StandardCopyOption.REPLACE_EXISTING);
	}

	private static String site() {
		return "http://127.0.0.1:" + site.getAddress().getPort();
	}

	/** The table row of a feed, from its data attribute to its end. */
	private static String row(String page, String url) {
		int link = page.indexOf("href=\"" + url + "\"");
		assertThat(link).as("a row for %s in %s", url, page).isPositive();
		int start = page.lastIndexOf("<tr", link);
		return page.substring(start, page.indexOf("</tr>", link));
	}

	private static HttpResponse<String> ingestApi(String method, String path) throws Exception {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(ingest.url(path)))
				.header("Authorization", "Bearer " + API_KEY)
				.method(method, HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.browser.send(HttpRequest.newBuilder(URI.create(alert.url(path))).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
		String body = form.entrySet()
			.stream()
			.map((field) -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return this.browser.send(HttpRequest.newBuilder(URI.create(alert.url(path)))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Posts a form and follows the redirect, as a browser does: the page it lands on. */
	private String submit(String path, Map<String, String> form) throws Exception {
		HttpResponse<String> answer = post(path, form);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(302);
		return get(URI.create(answer.headers().firstValue("Location").orElseThrow()).getPath()).body();
	}

}
