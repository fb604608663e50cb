package org.newsradar.enrich.story;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StoryFingerprintTest {

	@Test
	void numbersAreTheSameWhateverTheDigitsAndSeparators() {
		assertThat(StoryFingerprint.numbers("11,000 stickers, 120 000 shops, 2.500 Euro"))
			.containsExactlyInAnyOrder("11000", "120000", "2500");
		assertThat(StoryFingerprint.numbers("発行は１万１０００店舗、１２万軒以上、２０日")).containsExactlyInAnyOrder("11000", "120000",
				"20");
	}

	@Test
	void scaleWordsAndMultipliersGiveTheWholeNumber() {
		assertThat(StoryFingerprint.numbers("1.2 million people and 3 billion dollars"))
			.containsExactlyInAnyOrder("1200000", "3000000000");
		assertThat(StoryFingerprint.numbers("1,2 Millionen Menschen, 3 Mrd. Dollar"))
			.containsExactlyInAnyOrder("1200000", "3000000000");
		assertThat(StoryFingerprint.numbers("1,2 млн человек; 3 миллиарда долларов"))
			.containsExactlyInAnyOrder("1200000", "3000000000");
		assertThat(StoryFingerprint.numbers("120万人，30亿美元")).containsExactlyInAnyOrder("1200000", "3000000000");
	}

	@Test
	void aDecimalPartWithoutAScaleIsDropped() {
		assertThat(StoryFingerprint.numbers("grew 3.5% to 12.75")).containsExactlyInAnyOrder("12");
	}

}
