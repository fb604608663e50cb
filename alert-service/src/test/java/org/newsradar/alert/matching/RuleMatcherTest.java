package org.newsradar.alert.matching;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsradar.alert.rule.WatchRule;
import org.newsradar.events.ArticleEnriched;

import static org.assertj.core.api.Assertions.assertThat;

class RuleMatcherTest {

	private final RuleMatcher matcher = new RuleMatcher();

	private final ArticleEnriched statement = new ArticleEnriched("a1", null, "test",
			"Kazakhstan Reaffirms Support for One-China Principle",
			"The statement was issued by the Kazakh Foreign Ministry after the elections in Taiwan.", null,
			Instant.now(), Instant.now(), "en", List.of("KZ", "CN", "TW"), List.of("one-china"), List.of(), List.of(),
			List.of(), List.of(), new ArticleEnriched.Statement("ministry_statement", List.of("KZ")), "s1");

	@Test
	void everyGivenFilterMustHoldAndAListHoldsWhenAnyValueDoes() {
		assertThat(matches(rule(null, List.of("UZ", "KZ"), List.of("one-china"), List.of("en", "fr")))).isTrue();
		assertThat(matches(rule(null, List.of("UZ"), List.of("one-china"), null))).isFalse();
		assertThat(matches(rule(null, null, List.of("one-china"), List.of("fr")))).isFalse();
	}

	@Test
	void theQueryUsesLuceneSyntaxOverTitleAndBody() {
		assertThat(matches(rule("\"one-China\" OR Taiwan", null, null, null))).isTrue();
		assertThat(matches(rule("\"foreign ministry\" AND elections", null, null, null))).isTrue();
		assertThat(matches(rule("title:Taiwan", null, null, null))).isFalse();
		assertThat(matches(rule("Kazakh* AND NOT Uzbekistan", null, null, null))).isTrue();
		assertThat(matches(rule("Uzbekistan", null, null, null))).isFalse();
	}

	@Test
	void statementByMatchesTheCountriesThatMadeTheStatement() {
		WatchRule byKazakhstan = new WatchRule("r", "r", null, null, null, null, null, List.of("KZ"), null, null, null);
		WatchRule byChina = new WatchRule("r", "r", null, null, null, null, null, List.of("CN"), null, null, null);
		assertThat(this.matcher.matching(this.statement, List.of(byKazakhstan, byChina))).containsExactly(byKazakhstan);
	}

	private boolean matches(WatchRule rule) {
		return !this.matcher.matching(this.statement, List.of(rule)).isEmpty();
	}

	private static WatchRule rule(String query, List<String> countries, List<String> topics, List<String> languages) {
		return new WatchRule("r", "r", query, countries, topics, languages, null, null, null, null, null);
	}

}
