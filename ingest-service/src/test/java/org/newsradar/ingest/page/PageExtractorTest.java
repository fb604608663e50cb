package org.newsradar.ingest.page;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.newsradar.ingest.page.PageExtractor.ExtractedPage;

import static org.assertj.core.api.Assertions.assertThat;

class PageExtractorTest {

	private final PageExtractor extractor = new PageExtractor();

	@Test
	void aNewsPageGivesItsArticleWithoutTheFurniture() throws IOException {
		ExtractedPage page = this.extractor.extract(
				"https://news.example.org/world/2024/01/15/kazakhstan-one-china?utm_source=rss&ref=feed",
				fixture("ministry-statement.html"));
		assertThat(page.canonicalUrl()).isEqualTo("https://news.example.org/world/2024/01/15/kazakhstan-one-china");
		assertThat(page.title()).isEqualTo("Kazakhstan reaffirms its support for the one-China principle");
		assertThat(page.author()).isEqualTo("Aigerim Sadykova");
		assertThat(page.publishedAt()).isEqualTo(Instant.parse("2024-01-15T02:20:00Z"));
		assertThat(page.language()).isEqualTo("en");
		assertThat(page.body()).startsWith("ASTANA – The Ministry of Foreign Affairs of Kazakhstan said on Monday")
			.contains("\"Kazakhstan recognises the Government of the People's Republic of China")
			.contains("\n\nTrade at record levels\n\n")
			.endsWith("with transit through the Khorgos dry port growing fastest.")
			.doesNotContain("Subscribe", "Related articles", "Borrell", "Leave a Reply", "Privacy policy",
					"Book your flight", "Share on Facebook", "dataLayer", "Advertisement");
	}

	@Test
	void withoutMarkupTheUrlAndTheTextAreWhatIsLeft() {
		ExtractedPage page = this.extractor.extract("https://example.org/a?utm_campaign=x",
				"<html><body><div><p>" + "A statement by the ministry on the situation in the region. ".repeat(8)
						+ "</p></div></body></html>");
		assertThat(page.canonicalUrl()).isEqualTo("https://example.org/a");
		assertThat(page.language()).isNull();
		assertThat(page.publishedAt()).isNull();
		assertThat(page.body()).startsWith("A statement by the ministry");
	}

	@Test
	void datesComeInSeveralForms() {
		assertThat(PageExtractor.parseTime("2024-01-15T08:20:00+06:00"))
			.isEqualTo(Instant.parse("2024-01-15T02:20:00Z"));
		assertThat(PageExtractor.parseTime("2024-01-15T02:20:00Z")).isEqualTo(Instant.parse("2024-01-15T02:20:00Z"));
		assertThat(PageExtractor.parseTime("2024-01-15")).isEqualTo(Instant.parse("2024-01-15T00:00:00Z"));
		assertThat(PageExtractor.parseTime("15 January 2024")).isNull();
	}

	private static String fixture(String name) throws IOException {
		try (InputStream in = PageExtractorTest.class.getResourceAsStream("/pages/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
