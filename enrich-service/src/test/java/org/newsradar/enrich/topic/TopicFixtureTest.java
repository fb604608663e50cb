package org.newsradar.enrich.topic;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.newsradar.enrich.Fixtures;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's own labelled topics ({@code fixtures/topics.jsonl}): short news articles
 * in six languages, each with every topic of the taxonomy it is about, among them
 * articles that mention a topic's words in passing (a trading partner at a peach harvest)
 * and are about none. Scored over all (article, topic) pairs, through the whole pipeline.
 */
class TopicFixtureTest {

	@Test
	void topicsAreRightInNineOfTenCasesInEveryLanguage() {
		int right = 0;
		int found = 0;
		int expected = 0;
		Set<String> languages = new TreeSet<>();
		List<String> wrong = new ArrayList<>();
		List<JsonNode> fixture = Fixtures.read("/fixtures/topics.jsonl");
		for (JsonNode labelled : fixture) {
			languages.add(labelled.get("language").asString());
			Set<String> gold = new TreeSet<>(Fixtures.values(labelled, "topics"));
			Set<String> topics = new TreeSet<>(Fixtures.pipeline().draft(Fixtures.article(labelled)).topics().keySet());
			expected += gold.size();
			found += topics.size();
			right += (int) topics.stream().filter(gold::contains).count();
			if (!gold.equals(topics)) {
				wrong.add(labelled.get("title").asString() + ": expected " + gold + ", got " + topics);
			}
		}
		double precision = (double) right / found;
		double recall = (double) right / expected;
		double f1 = 2 * precision * recall / (precision + recall);
		System.out.printf("Topic fixture: P %.3f R %.3f F1 %.3f over %d articles in %s; wrong: %s%n", precision, recall,
				f1, fixture.size(), languages, wrong);
		assertThat(fixture).hasSizeGreaterThanOrEqualTo(40);
		assertThat(languages).hasSizeGreaterThanOrEqualTo(5);
		assertThat(f1).as("F1; wrong: %s", wrong).isGreaterThanOrEqualTo(0.9);
	}

}
