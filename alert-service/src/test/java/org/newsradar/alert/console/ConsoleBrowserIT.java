package org.newsradar.alert.console;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsradar.elasticsearch.IndexSetup;
import org.newsradar.engines.TestEngines;
import org.newsradar.events.ArticleEnriched;
import org.newsradar.events.Topics;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console in a real browser (Debian's headless chromium through chromium-driver,
 * which {@code .ci/run} installs), as a new analyst uses it, with the keyboard alone:
 * sign in, write a rule and watch its preview, see an alert appear live, pause the rule.
 * Each page's screenshot is written to {@code docs/console/}; no page may log an error in
 * the browser's console.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "newsradar.api.keys=browser-key", "newsradar.outbound.allow-loopback=true" })
@DirtiesContext
class ConsoleBrowserIT {

	private static final Path SCREENSHOTS = Path.of("..", "docs", "console");

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		TestEngines.registerKafka(registry);
		TestEngines.registerElasticsearch(registry);
		TestEngines.createTopics(3, Topics.ARTICLES_ENRICHED);
	}

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<String, Object> kafka;

	@Autowired
	ElasticsearchClient elasticsearch;

	@Autowired
	IndexSetup indexSetup;

	private WebDriver browser;

	private WebDriverWait wait;

	@BeforeEach
	void openBrowser() {
		File driver = new File(System.getProperty("newsradar.chromedriver", "/usr/bin/chromedriver"));
		File chromium = new File(System.getProperty("newsradar.chromium", "/usr/bin/chromium"));
		assertThat(driver).as("chromium-driver (apt-get install chromium chromium-driver)").canRead();
		assertThat(chromium).as("chromium (apt-get install chromium chromium-driver)").canRead();
		ChromeOptions options = new ChromeOptions().setBinary(chromium)
			.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		this.browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver).build(),
				options);
		this.wait = new WebDriverWait(this.browser, Duration.ofSeconds(30));
	}

	@AfterEach
	void closeBrowser() {
		if (this.browser != null) {
			this.browser.quit();
		}
	}

	@Test
	void anAnalystWritesARuleSeesItsAlertArriveLiveAndPausesIt() throws Exception {
		this.browser.get(url("/"));
		this.wait.until(ExpectedConditions.urlContains("/sign-in"));
		screenshot("sign-in");
		focused().sendKeys("browser-key", Keys.ENTER);
		this.wait.until(ExpectedConditions.presenceOfElementLocated(By.id("alerts")));

		ArticleEnriched earlier = ConsoleIT.article("earlier");
		ConsoleIT.index(this.elasticsearch, this.indexSetup, earlier);

		this.browser.get(url("/rules/new"));
		WebElement name = this.browser.findElement(By.id("name"));
		String ruleName = "Taiwan watch " + UUID.randomUUID().toString().substring(0, 8);
		name.sendKeys(ruleName, Keys.TAB);
		focused().sendKeys("taiwan");
		// The preview of the whole query, with its word marked (those asked for while
		// typing had none), holds the article indexed above, among any other test's.
		WebElement marked = this.wait
			.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#preview mark")));
		assertThat(marked.getText()).isEqualTo("Taiwan");
		assertThat(this.browser.findElements(By.cssSelector("#preview a[href='" + earlier.url() + "']"))).hasSize(1);
		assertThat(this.browser.findElement(By.id("preview")).getText())
			.containsPattern("[1-9]\\d* of [1-9]\\d* articles");
		screenshot("rule-form");
		this.browser.findElement(By.id("query")).sendKeys(Keys.ENTER);
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Saved rule"));
		assertThat(this.browser.findElement(By.tagName("table")).getText()).contains(ruleName, "Active");
		screenshot("rules");

		this.browser.get(url("/"));
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("live"), "Live"));
		ArticleEnriched article = ConsoleIT.article("browser");
		this.kafka.send(Topics.ARTICLES_ENRICHED, article.id(), article).get();
		WebElement alert = this.wait.until(ExpectedConditions.presenceOfElementLocated(
				By.xpath("//ol[@id='alerts']/li[.//span[@class='rule' and text()='" + ruleName + "']]")));
		assertThat(alert.getText()).contains(article.title());
		assertThat(alert.findElement(By.tagName("mark")).getText()).isEqualTo("Taiwan");
		screenshot("alerts");

		// Indexed as enrich-service would, with its French version: the story page shows
		// both.
		ArticleEnriched french = ConsoleIT.statement(article.id() + "-fr", "fr", article.storyId(),
				"Le Kazakhstan réaffirme sa position sur Taïwan",
				new ArticleEnriched.Statement("ministry_statement", List.of("KZ")), List.of("one-china"));
		ConsoleIT.index(this.elasticsearch, this.indexSetup, article, french);
		alert.findElement(By.cssSelector("a.story")).sendKeys(Keys.ENTER);
		this.wait.until(ExpectedConditions.urlContains("/stories/"));
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains("2 versions in", article.title(),
				french.title());
		screenshot("story");

		this.browser.get(url("/statements?country=KZ"));
		assertThat(this.browser.findElement(By.tagName("table")).getText()).contains(french.title(),
				"ministry_statement");
		screenshot("statements");

		// Other test classes leave many rules: the analyst finds this one by its name.
		this.browser.get(url("/rules"));
		this.browser.findElement(By.id("find")).sendKeys(ruleName, Keys.ENTER);
		this.wait.until(ExpectedConditions.urlContains("q="));
		assertThat(this.browser.findElement(By.tagName("main")).getText()).contains("Rules 1\u20131 of 1");
		WebElement pause = this.browser.findElement(By.cssSelector("button[aria-label='Pause " + ruleName + "']"));
		pause.sendKeys(Keys.ENTER);
		this.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Paused \u201c"));
		assertThat(this.browser.findElement(By.tagName("table")).getText()).contains("Paused: raises nothing");

		List<LogEntry> errors = this.browser.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.toList();
		assertThat(errors).as("errors in the browser's console").isEmpty();
	}

	private WebElement focused() {
		return this.browser.switchTo().activeElement();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

	private void screenshot(String page) throws IOException {
		File shot = ((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE);
		Files.createDirectories(SCREENSHOTS);
		Files.copy(shot.toPath(), SCREENSHOTS.resolve(page + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
