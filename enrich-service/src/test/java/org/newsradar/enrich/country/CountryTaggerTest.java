package org.newsradar.enrich.country;

import org.junit.jupiter.api.Test;
import org.newsradar.enrich.Articles;
import org.newsradar.enrich.pipeline.ArticleDraft;

import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountryTaggerTest {

	private static final CountryTagger tagger = new CountryTagger();

	@Test
	void tagsKazakhstanFromItsFrenchName() {
		assertThat(countries("Le Kazakhstan soutient le principe d’une seule Chine et Taïwan")).containsExactly("KZ",
				"CN", "TW");
	}

	@Test
	void tagsCountriesFromDemonymsAndAdjectives() {
		assertThat(countries("The Kazakh President met Ukrainian and Iranian envoys")).containsExactly("KZ", "UA",
				"IR");
		assertThat(countries("казахстанская делегация прибыла в Пекин")).containsExactly("KZ", "CN");
	}

	@Test
	void tagsCapitalsAndSeatsOfGovernmentUsedAsMetonyms() {
		assertThat(countries("The Kremlin and Beijing welcomed the talks in Astana")).containsExactly("RU", "CN", "KZ");
		assertThat(countries("NUR-SULTAN, Sep 15: the statement")).containsExactly("KZ");
	}

	@Test
	void aWireDatelineNamesWhereTheStoryHappened() {
		assertThat(countries("WASHINGTON, March 3 - The Federal Reserve left its discount rate unchanged"))
			.containsExactly("US");
		assertThat(countries("LONDON, March 18 - Turner and Newall Plc said Zimbabwe mines were hit"))
			.containsExactly("GB", "ZW");
	}

	@Test
	void tagsLeaders() {
		assertThat(countries("Tokayev said the country will pursue a balanced policy")).containsExactly("KZ");
	}

	@Test
	void tellsTheUnitedStatesFromThePronoun() {
		assertThat(countries("This aligns Kazakhstan with the U.S. policy")).containsExactly("KZ", "US");
		assertThat(countries("Let us talk about US sanctions")).containsExactly("US");
	}

	@Test
	void theKoreanPeninsulaIsNorthKoreaAndTheMiddleEastIsNoCountry() {
		assertThat(countries("the nuclear issue on the Korean Peninsula and peace in the Middle East"))
			.containsExactly("KP");
	}

	@Test
	void theRussianWordТогоIsNoTogoUnlessAfricaIsNear() {
		assertThat(countries("Кроме того, после того как Россия ответила")).containsExactly("RU");
		assertThat(countries("Президент Того прибыл в Гану, сообщают из Ломе")).contains("TG");
	}

	@Test
	void aCityNamedTurkistanIsNotTurkeyButTurkeyIs() {
		assertThat(countries("during his visit to Turkistan")).isEmpty();
		assertThat(countries("cooperation with Turkey and Azerbaijan")).containsExactly("TR", "AZ");
	}

	@Test
	void knowsTerritoriesTheJdkListDoesNotHave() {
		assertThat(countries("Kosovo and Palestine and Taiwan")).containsExactly("XK", "PS", "TW");
	}

	@Test
	void aManCalledChadIsNoCountry() {
		assertThat(countries("Chad Smith, a man from Jersey, spoke")).isEmpty();
		assertThat(countries("Michael Jordan scored 40 points")).isEmpty();
		assertThat(countries("We had a turkey dinner")).isEmpty();
		assertThat(countries("A small island off the coast served chili at the supper")).isEmpty();
	}

	@Test
	void ambiguousNamesNeedTheirContext() {
		assertThat(countries("Floods hit Georgia; the governor in Atlanta declared an emergency"))
			.containsExactly("US");
		assertThat(countries("Protests in Georgia: thousands marched in Tbilisi")).containsExactly("GE");
		assertThat(countries("King Abdullah of Jordan met Israeli officials in Amman")).containsExactly("JO", "IL");
		assertThat(countries("Le Tchad et le Niger, au Sahel")).contains("TD", "NE");
	}

	@Test
	void aPlaceFollowedByAUsStateIsInTheUnitedStates() {
		assertThat(countries("He grew up in Paris, Texas, and moved to Moscow, Idaho.")).containsExactly("US");
		assertThat(countries("Deputies arrested a teen in Pointe Coupee, La. on Monday")).containsExactly("US");
	}

	@Test
	void chineseNamesAreFoundInsideLongerWords() {
		assertThat(countries("中国政府支持哈萨克斯坦")).containsExactly("CN", "KZ");
	}

	@Test
	void anArticleNamingNoCountryGetsTheOneItsVocabularyPointsTo() {
		assertThat(countries("Mansfield OKs refinancing $10.3 million in debt, the county sheriff said", "en"))
			.containsExactly("US");
		assertThat(countries("Mansfield OKs refinancing 10.3 million in debt", "en")).isEmpty();
		assertThat(countries("The county sheriff in Toronto said $10 million", "en")).containsExactly("CA");
	}

	@Test
	void aMistakeInTheAliasesFileNamesFileAndLine() {
		ByteArrayResource file = new ByteArrayResource("# comment\nKZ\tAstana\nQQ\tNowhere\n".getBytes(),
				"countries.tsv");
		ByteArrayResource ambiguous = new ByteArrayResource("Georgia\tGE\n".getBytes(), "ambiguous.tsv");
		assertThatThrownBy(() -> CountryGazetteer.load(file, new ByteArrayResource(new byte[0])))
			.hasMessageEndingWith("[countries.tsv] line 3: 'QQ' is not an ISO 3166-1 alpha-2 code");
		assertThatThrownBy(() -> CountryGazetteer.load(new ByteArrayResource(new byte[0]), ambiguous))
			.hasMessageContaining("[ambiguous.tsv] line 1: expected a name");
	}

	@Test
	void japaneseAndChineseLocalNewsIsPlacedByItsOwnVocabulary() {
		assertThat(countries("山形県の吉村知事は２０日、県内の飲食店への支援策を発表した。", "ja")).containsExactly("JP");
		assertThat(countries("大阪府は感染防止宣言ステッカーを発行した。", "ja")).containsExactly("JP");
		assertThat(countries("县委书记表示，县人民政府将加快乡镇道路建设。", "zh")).containsExactly("CN");
		assertThat(countries("市长说，县里的新医院明年开业。", "zh")).isEmpty();
	}

	@Test
	void aStockListingNamesTheCompanysCountry() {
		assertThat(countries("Rothmans International Plc <ROT.L> denied the report")).containsExactly("GB");
		assertThat(countries("Slater Industries <SSI.A.TO> plans a modernization")).containsExactly("CA");
		assertThat(countries("Hercules Inc <HPC> fell 2-1/4")).containsExactly("US");
		assertThat(countries("Shares of Toyota (7203.T) rose")).containsExactly("JP");
		assertThat(countries("Suncor (TSX: SU) raised its dividend")).containsExactly("CA");
	}

	@Test
	void bracketsThatAreNoListingNameNoCountry() {
		assertThat(countries("The firm (IBM) and <Associates Corp of North America> said so")).isEmpty();
	}

	private static java.util.Set<String> countries(String text) {
		return countries(text, null);
	}

	private static java.util.Set<String> countries(String text, String language) {
		ArticleDraft draft = new ArticleDraft(Articles.article("", text));
		draft.language(language);
		tagger.tag(draft);
		return draft.countries();
	}

}
