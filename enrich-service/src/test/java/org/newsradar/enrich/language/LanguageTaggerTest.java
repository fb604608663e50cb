package org.newsradar.enrich.language;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LanguageTaggerTest {

	private static final LanguageTagger tagger = new LanguageTagger();

	@Test
	void identifiesTheLanguagesOfTheSeeds() {
		assertThat(tagger.detect("China and Kazakhstan on Wednesday issued a joint statement on the 30th anniversary."))
			.isEqualTo("en");
		assertThat(tagger.detect("La Chine et le Kazakhstan ont publié mercredi une déclaration conjointe."))
			.isEqualTo("fr");
	}

	@Test
	void tellsKazakhFromRussian() {
		assertThat(tagger
			.detect("Қазақстан Республикасының Президенті Қасым-Жомарт Тоқаев мемлекетаралық қатынастар туралы айтты."))
			.isEqualTo("kk");
		assertThat(tagger.detect("Президент Казахстана Касым-Жомарт Токаев рассказал о межгосударственных отношениях."))
			.isEqualTo("ru");
	}

}
