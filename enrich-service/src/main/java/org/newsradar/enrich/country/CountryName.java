package org.newsradar.enrich.country;

/**
 * What a name in the gazetteer stands for.
 *
 * @param code the ISO 3166-1 alpha-2 code
 * @param ambiguity for a name that is also a first name, a word or a US place: its number
 * in {@code ambiguous.tsv}, whose context phrases must be in the article; else -1
 */
record CountryName(String code, int ambiguity) {

	boolean ambiguous() {
		return this.ambiguity >= 0;
	}

}
