/**
 * Quotes (who said what, direct and reported) and official statements (whether the
 * article reports one, of which type, and which countries made it), from the cue words,
 * actors and verbs of {@code data/statements.tsv} and the countries and people found
 * before.
 */
package org.newsradar.enrich.statement;
