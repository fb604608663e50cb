package org.newsradar.enrich.story;

import java.util.Set;

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

	@Test
	void contentWordsOverlapAsTheShareOfTheSmallerArticlesWords() {
		StoryFingerprint small = fingerprint("en", "the ministry reaffirmed its policy towards taiwan");
		StoryFingerprint large = fingerprint("en",
				"yesterday the ministry firmly reaffirmed its longstanding policy towards neighbours");
		StoryFingerprint other = fingerprint("en", "harvest of peaches started early this summer");

		// small: ministry, reaffirmed, policy, towards, taiwan; large has four of them.
		assertThat(StoryFingerprint.overlap(small, large)).isEqualTo(0.8);
		assertThat(StoryFingerprint.overlap(large, small)).isEqualTo(0.8);
		assertThat(StoryFingerprint.overlap(small, other)).isZero();
		assertThat(StoryFingerprint.overlap(small, fingerprint("en", ""))).isZero();
	}

	@Test
	void aStoryDocumentWrittenWithItsWordsReadsAsOneWrittenWithTheirHashes() {
		StoryFingerprint fingerprint = fingerprint("en", "the ministry reaffirmed its policy towards taiwan");
		StoryDocument legacy = new StoryDocument(fingerprint.articleId(), "story", fingerprint.time(), "en",
				fingerprint.features(), null, Set.of("taiwan", "ministry", "reaffirmed", "policy", "towards"), "writer",
				1, fingerprint.time());

		assertThat(legacy.fingerprint().words()).containsExactly(fingerprint.words());
		assertThat(StoryFingerprint.overlap(legacy.fingerprint(), fingerprint)).isEqualTo(1.0);
	}

	private static StoryFingerprint fingerprint(String language, String text) {
		ArticleDraft draft = new ArticleDraft(Articles.article("", text));
		draft.language(language);
		return StoryFingerprint.of(draft);
	}

}
