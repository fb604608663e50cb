/**
 * Stories: the same event reported by several outlets or in several languages gets one
 * {@code story_id}, the id of the first article of the story. Articles are compared by
 * what does not change in translation (countries, topics, people, numbers, and names
 * keyed by their consonants; Japanese names as Kuromoji reads them) against the recent
 * ones.
 */
package org.newsradar.enrich.story;
