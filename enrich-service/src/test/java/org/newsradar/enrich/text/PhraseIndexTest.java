package org.newsradar.enrich.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhraseIndexTest {

	private final PhraseIndex<String> index = new PhraseIndex<>();

	@Test
	void prefersTheLongestPhraseAtAPosition() {
		this.index.add("Korea", false, "KR?");
		this.index.add("North Korea", false, "KP");
		assertThat(this.index.find(Tokens.of("Talks with North Korea stalled"))).extracting(PhraseIndex.Match::value)
			.containsExactly("KP");
	}

	@Test
	void ignoresCaseAccentsAndPunctuation() {
		this.index.add("Taïwan", false, "TW");
		this.index.add("une seule Chine", false, "one-china");
		assertThat(this.index.find(Tokens.of("TAIWAN, taiwan; le principe d’une seule Chine")))
			.extracting(PhraseIndex.Match::value)
			.containsExactly("TW", "TW", "one-china");
	}

	@Test
	void caseSensitivePhrasesMatchOnlyAsWritten() {
		this.index.add("UN", true, "un");
		assertThat(this.index.find(Tokens.of("The UN met; un accord a été signé."))).hasSize(1);
	}

	@Test
	void aTrailingStarMatchesAnyEnding() {
		this.index.add("казахстанск*", false, "KZ");
		assertThat(this.index.find(Tokens.of("казахстанская сторона и казахстанскими властями"))).hasSize(2);
		assertThat(this.index.find(Tokens.of("Казахстан"))).isEmpty();
	}

	@Test
	void matchesDoNotOverlap() {
		this.index.add("Belt and Road", false, "bri");
		this.index.add("Road", false, "road");
		assertThat(this.index.find(Tokens.of("the Belt and Road Initiative"))).extracting(PhraseIndex.Match::value)
			.containsExactly("bri");
	}

	@Test
	void findsEveryPhraseOfALargeDictionaryAndNothingElse() {
		for (int i = 0; i < 20_000; i++) {
			this.index.add("word" + i + " end", false, "w" + i);
			this.index.add("stem" + i + "x*", false, "s" + i);
		}
		for (int i = 0; i < 20_000; i += 997) {
			assertThat(this.index.find(Tokens.of("a word" + i + " end and stem" + i + "xing, not word" + i)))
				.extracting(PhraseIndex.Match::value)
				.containsExactly("w" + i, "s" + i);
		}
		assertThat(this.index.find(Tokens.of("word20000 end, stem20000xing, stem1ing, words end"))).isEmpty();
	}

}
