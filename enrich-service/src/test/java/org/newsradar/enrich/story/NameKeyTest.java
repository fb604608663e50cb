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
