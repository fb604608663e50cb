package org.newsradar.enrich.story;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NameKeyTest {

	@Test
	void aNameKeepsItsKeyAcrossLatinAndCyrillic() {
		assertThat(NameKey.of("Трамп")).isEqualTo(NameKey.of("Trump"));
		assertThat(NameKey.of("Зеленский")).isEqualTo(NameKey.of("Zelensky"));
		assertThat(NameKey.of("Хабаровск")).isEqualTo(NameKey.of("Khabarovsk"));
		assertThat(NameKey.of("Дегтярев")).isEqualTo(NameKey.of("Degtyarev"));
		assertThat(NameKey.of("Брюинз")).isEqualTo(NameKey.of("Bruins"));
		assertThat(NameKey.of("Александр")).isEqualTo(NameKey.of("Alexander"));
	}

	@Test
	void aNameKeepsItsKeyInOtherScriptsICUTransliterates() {
		assertThat(NameKey.of("Тоқаев")).isEqualTo(NameKey.of("Tokayev"));
		assertThat(NameKey.of("Μητσοτάκης")).isEqualTo(NameKey.of("Mitsotakis"));
		assertThat(NameKey.of("Жапаров")).isEqualTo(NameKey.of("Zhaparov"));
	}

	@Test
	void aRussianNameInAnyCaseHasTheKeyOfItsNominative() {
		assertThat(NameKey.of("Зеленского")).isEqualTo(NameKey.of("Zelensky"));
		assertThat(NameKey.of("Трампом")).isEqualTo(NameKey.of("Trump"));
		assertThat(NameKey.of("Красноярском")).isEqualTo(NameKey.of("Krasnoyarsk"));
		assertThat(NameKey.of("Лавровым")).isEqualTo(NameKey.of("Lavrov"));
	}

	@Test
	void differentNamesHaveDifferentKeys() {
		assertThat(NameKey.of("Putin")).isNotEqualTo(NameKey.of("Biden"));
		assertThat(NameKey.of("Kavanaugh")).isNotEqualTo(NameKey.of("Graham"));
	}

	@Test
	void aNameWithTooFewConsonantsHasNoKey() {
		assertThat(NameKey.of("Aoe")).isNull();
	}

}
