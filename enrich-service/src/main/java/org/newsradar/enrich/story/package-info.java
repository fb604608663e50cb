/**
 * Stories: the same event reported by several outlets or in several languages gets one
 * {@code story_id}, the id of the first article of the story. Articles are compared by
 * what does not change in translation (countries, topics, people, numbers) against the
 * recent ones.
 */
package org.newsradar.enrich.story;
