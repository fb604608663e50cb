package org.newsradar.events;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArticleIdsTest {

	@Test
	void sameUrlGivesSameIdWhateverTheTrackingParametersAndCase() {
		String id = ArticleIds.of("https://www.Example.org/news/item/?utm_source=x&b=2&a=1#comments", "T", "B");
		assertThat(id).isEqualTo(ArticleIds.of("HTTPS://www.example.org:443/news/item?a=1&b=2", "Other", "Other"))
			.matches("[0-9a-f]{16}");
	}

	@Test
	void differentUrlsGiveDifferentIds() {
		assertThat(ArticleIds.of("https://example.org/a", "T", "B"))
			.isNotEqualTo(ArticleIds.of("https://example.org/b", "T", "B"));
	}

	@Test
	void withoutUrlTheNormalisedTextDecides() {
		String id = ArticleIds.of(null, "Kazakhstan Reaffirms Support", "The  statement was issued.\r\n");
		assertThat(ArticleIds.of(" ", "kazakhstan reaffirms support!", "The statement was issued")).isEqualTo(id);
		assertThat(ArticleIds.of(null, "Kazakhstan Reaffirms Support", "Another statement was issued."))
			.isNotEqualTo(id);
	}

	@Test
	void accentsAndTypographyDoNotChangeTheText() {
		assertThat(ArticleIds.normalisedText("Taïwan – l’indépendance")).isEqualTo("taiwan l independance");
	}

	@Test
	void titleAndBodyAreNotInterchangeable() {
		assertThat(ArticleIds.of(null, "a b", "c")).isNotEqualTo(ArticleIds.of(null, "a", "b c"));
	}

	@Test
	void keepsMeaningfulQueryParameters() {
		assertThat(ArticleIds.canonicalUrl("http://example.org:8080/story?id=7&utm_medium=rss"))
			.isEqualTo("http://example.org:8080/story?id=7");
	}

}
