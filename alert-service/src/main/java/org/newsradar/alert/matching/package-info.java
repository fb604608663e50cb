/**
 * Matching enriched articles against the rules with Lucene's Monitor: each rule is one
 * Lucene query (its text query over title and body, and its filters as required exact
 * terms), the presearcher picks the rules an article could match, and the few that do are
 * explained (the words that matched, highlighted in a snippet, and the filter values that
 * held). {@link org.newsradar.alert.matching.RulePreview} runs one rule with the same
 * query against what is already in Elasticsearch.
 */
package org.newsradar.alert.matching;
