package org.newsradar.enrich.story;

import org.junit.jupiter.api.Test;
import org.newsradar.enrich.Articles;
import org.newsradar.enrich.pipeline.ArticleDraft;

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
	void germanNounsAreNoNamesButGermanNamesAre() {
		assertThat(fingerprint("de",
				"Nach der Sitzung sagte Scholz, die Regierung wolle handeln. Auch Regierung und "
						+ "Opposition seien einig, die Opposition aber nicht mit Merz.")
			.features()).contains("w:" + NameKey.of("scholz"), "w:" + NameKey.of("merz"))
			.doesNotContain("w:" + NameKey.of("regierung"), "w:" + NameKey.of("opposition"));
	}

	@Test
	void japaneseNamesAreReadAndLatinWordsInJapaneseAreNames() {
		assertThat(fingerprint("ja", "岸田首相は、Twitterで表参道について語った。").features()).contains("w:" + NameKey.of("kishida"),
				"w:" + NameKey.of("omotesando"), "w:" + NameKey.of("twitter"));
	}

	@Test
	void aDecimalPartWithoutAScaleIsDropped() {
		assertThat(StoryFingerprint.numbers("grew 3.5% to 12.75")).containsExactlyInAnyOrder("12");
	}

	private static StoryFingerprint fingerprint(String language, String text) {
		ArticleDraft draft = new ArticleDraft(Articles.article("", text));
		draft.language(language);
		return StoryFingerprint.of(draft);
	}

}
