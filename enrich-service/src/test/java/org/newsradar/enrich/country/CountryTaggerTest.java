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
	void aCityNamedTurkistanIsNotTurkeyButTurkeyIs() {
		assertThat(countries("during his visit to Turkistan")).isEmpty();
		assertThat(countries("cooperation with Turkey")).containsExactly("TR");
	}

	@Test
	void knowsTerritoriesTheJdkListDoesNotHave() {
		assertThat(countries("Kosovo and Palestine and Taiwan")).containsExactly("XK", "PS", "TW");
	}

	@Test
	void aManCalledChadIsNoCountry() {
		assertThat(countries("Chad Smith, a man from Jersey, spoke")).isEmpty();
	}

	@Test
	void aMistakeInTheAliasesFileNamesFileAndLine() {
		ByteArrayResource file = new ByteArrayResource("# comment\nKZ\tAstana\nQQ\tNowhere\n".getBytes(),
				"countries.tsv");
		assertThatThrownBy(() -> CountryGazetteer.load(file))
			.hasMessageEndingWith("[countries.tsv] line 3: 'QQ' is not an ISO 3166-1 alpha-2 code");
	}

	private static java.util.Set<String> countries(String text) {
		ArticleDraft draft = new ArticleDraft(Articles.article("", text));
		tagger.tag(draft);
		return draft.countries();
	}

}
