package org.newsradar.enrich.statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.newsradar.enrich.Fixtures;
import org.newsradar.enrich.pipeline.ArticleDraft;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The project's own labelled statements ({@code fixtures/statements*.jsonl}): leads of
 * news reports in seven languages, each with the countries that made the statement it
 * reports (none for the articles that report none), run through the whole pipeline. Only
 * the articles that report a statement are scored; one that reports none and gets a maker
 * is listed among the wrong ones.
 */
class StatementFixtureTest {

	@Test
	void statementMakersAreRightInNineOfTenStatementsInEveryLanguageWeTag() {
		assertHolds("/fixtures/statements.jsonl", 40, 6, 0.9);
	}

	/**
	 * The second file was written after the rules were last changed and has not been
	 * tuned on: its figure is the one to believe. It is held to a lower bar, so that the
	 * test guards against a collapse without inviting rules written for its sentences.
	 */
	@Test
	void statementMakersHoldOnStatementsTheRulesWereNotTunedOn() {
		assertHolds("/fixtures/statements-unseen.jsonl", 25, 1, 0.65);
	}

	/**
	 * A third file, written on 2026-11-30 once the second was spent (its misses had been
	 * read): 29 statements in seven languages and three articles with none, 22 right at
	 * first sight; the lexicon was then grown on its misses. Held to the same low bar as
	 * the second.
	 */
	@Test
	void statementMakersHoldOnAFreshFixture() {
		assertHolds("/fixtures/statements-fresh.jsonl", 25, 6, 0.65);
	}

	/**
	 * A fourth file, written and committed on 2026-11-30 before the lexicon was grown on
	 * the misses of the third: 42 statements in seven languages and four articles with
	 * none, scored once at first sight after that change.
	 */
	@Test
	void statementMakersHoldOnAHoldoutWrittenBeforeTheLastChange() {
		assertHolds("/fixtures/statements-holdout.jsonl", 40, 6, 0.65);
	}

	/**
	 * The file has enough statements in enough languages, and the share of them whose
	 * makers are right reaches the bar.
	 */
	private static void assertHolds(String resource, int statements, int languages, double share) {
		Score score = score(resource);
		assertThat(score.statements).isGreaterThanOrEqualTo(statements);
		assertThat(score.languages).hasSizeGreaterThanOrEqualTo(languages);
		assertThat(score.share()).as("share right; wrong: %s", score.wrong).isGreaterThanOrEqualTo(share);
	}

	private static Score score(String resource) {
		List<String> wrong = new ArrayList<>();
		int statements = 0;
		int right = 0;
		Set<String> languages = new TreeSet<>();
		for (JsonNode labelled : Fixtures.read(resource)) {
			List<String> gold = Fixtures.values(labelled, "by");
			List<String> found = makers(labelled);
			if (!gold.isEmpty()) {
				statements++;
				languages.add(labelled.get("language").asString());
				if (gold.equals(found)) {
					right++;
				}
			}
			if (!gold.equals(found)) {
				wrong.add(labelled.get("title").asString() + ": expected " + gold + ", got " + found);
			}
		}
		System.out.println(resource + ": " + right + " of " + statements + " statements right in " + languages
				+ "; wrong: " + wrong);
		return new Score(statements, right, languages, wrong);
	}

	private record Score(int statements, int right, Set<String> languages, List<String> wrong) {

		double share() {
			return (double) this.right / this.statements;
		}

	}

	private static List<String> makers(JsonNode labelled) {
		ArticleDraft draft = Fixtures.pipeline().draft(Fixtures.article(labelled));
		return (draft.statement() != null) ? draft.statement().by().stream().sorted().toList() : List.of();
	}

}
