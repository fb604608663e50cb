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

	@Test
	void tellsKyrgyzAndUzbekWhichLinguaHasNoModelsFor() {
		assertThat(tagger
			.detect("Кыргызстандын президенти Садыр Жапаров мамлекеттик сапар менен Бишкекке кайтып келди жана"
					+ " өкмөттүн отурумун өткөрдү."))
			.isEqualTo("ky");
		assertThat(tagger.detect("Oʻzbekiston Respublikasi Prezidenti Shavkat Mirziyoyev xalqaro hamkorlik haqida"
				+ " gapirdi va bu yil bilan bogʻliq rejalarni ham aytdi."))
			.isEqualTo("uz");
		assertThat(tagger.detect("Ўзбекистон Республикаси Президенти халқаро ҳамкорлик ҳақида гапирди."))
			.isEqualTo("uz");
		assertThat(tagger.detect("Türkiye Cumhurbaşkanı bu yıl uluslararası iş birliği hakkında konuştu ve yeni"
				+ " planları açıkladı."))
			.isEqualTo("tr");
	}

	@Test
	void aShortKazakhSentenceIsNotMongolian() {
		assertThat(tagger.detect("Бұл деген өте үлкен табыс.")).isEqualTo("kk");
		assertThat(tagger.detect("Тек жүк көліктері мен тракторлар ғана жүреді.")).isEqualTo("kk");
	}

	@Test
	void chineseWithLatinNamesIsStillChinese() {
		assertThat(tagger.detect("由 Julian Fellowes（《唐顿庄园》）创作、Fellowes 和 Sonja Warfield 编剧的《镀金时代》将于下个月在 HBO 首映。"))
			.isEqualTo("zh");
		assertThat(tagger.detect("岸田文雄首相は東京で記者会見を開き、経済対策について説明した。")).isEqualTo("ja");
	}

	@Test
	void shortSentencesInScriptsTheTrigramTableScoresPoorlyAreStillNamed() {
		assertThat(tagger.detect("भारत सरकार ने आज नई शिक्षा नीति की घोषणा की।")).isEqualTo("hi");
		assertThat(tagger.detect("महाराष्ट्र सरकारने आज नवीन शैक्षणिक धोरण जाहीर केले.")).isEqualTo("mr");
	}

	@Test
	void aShortWireItemIsEnglish() {
		assertThat(tagger.detect("Shr 85 cts vs 73 cts. Net 3,150,000 vs 2,699,000. Sales 39.8 mln vs 34.3 mln"))
			.isEqualTo("en");
	}

	@Test
	void namesTheLanguagesItSupports() {
		assertThat(tagger.supports("kk")).isTrue();
		assertThat(tagger.supports("uz")).isTrue();
		assertThat(tagger.supports("bs")).isFalse();
		assertThat(tagger.supports("la")).isFalse();
	}

}
