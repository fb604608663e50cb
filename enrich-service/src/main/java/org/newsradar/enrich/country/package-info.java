/**
 * Countries an article is about or meaningfully mentions, as ISO 3166-1 alpha-2 codes:
 * the JDK's CLDR names of every country in the languages we tag, plus the demonyms,
 * capitals, metonyms and leaders of {@code data/countries.tsv}, matched as whole phrases
 * over the cleaned text.
 */
package org.newsradar.enrich.country;
