package org.newsradar.ingest.article;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeedFormatTest {

	@Test
	void firstNonBlankLineIsTheTitleAndTheRestTheBody() {
		SeedFormat.Parsed parsed = SeedFormat
			.parse("\r\n  China\r\n\r\nKazakhstan Reaffirms Support\r\nBody text.\r\n");
		assertThat(parsed.title()).isEqualTo("China");
		assertThat(parsed.body()).isEqualTo("Kazakhstan Reaffirms Support\nBody text.");
	}

	@Test
	void aSingleLineIsATitleWithoutBody() {
		assertThat(SeedFormat.parse("Only a headline")).isEqualTo(new SeedFormat.Parsed("Only a headline", ""));
	}

}
