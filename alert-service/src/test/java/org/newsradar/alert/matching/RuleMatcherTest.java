package org.newsradar.alert.matching;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.monitor.Presearcher;
import org.junit.jupiter.api.Test;
import org.newsradar.alert.rule.RulesChanged;
import org.newsradar.alert.rule.WatchRule;
import org.newsradar.events.ArticleEnriched;

import static org.assertj.core.api.Assertions.assertThat;

class RuleMatcherTest {

	private final RuleMatcher matcher = new RuleMatcher(RuleMatcher.presearcher(), 120);

	private final ArticleEnriched statement = article("en", "Kazakhstan Reaffirms Support for One-China Principle",
			"The statement was issued by the Kazakh Foreign Ministry after the elections in Taiwan. "
					+ "Astana considers Taiwan an inalienable part of China.");

	@Test
	void everyGivenFilterMustHoldAndAListHoldsWhenAnyValueDoes() {
		assertThat(matches(rule(null, List.of("UZ", "KZ"), List.of("one-china"), List.of("en", "fr")))).isTrue();
		assertThat(matches(rule(null, List.of("UZ"), List.of("one-china"), null))).isFalse();
		assertThat(matches(rule(null, null, List.of("one-china"), List.of("fr")))).isFalse();
	}

	@Test
	void aRuleWithoutQueryOrFiltersMatchesEveryArticle() {
		assertThat(matches(rule(null, null, null, null))).isTrue();
	}

	@Test
	void theQueryUsesLuceneSyntaxOverTitleAndBody() {
		assertThat(matches(rule("\"one-China\" OR Uzbekistan", null, null, null))).isTrue();
		assertThat(matches(rule("\"foreign ministry\" AND elections", null, null, null))).isTrue();
		assertThat(matches(rule("title:Taiwan", null, null, null))).isFalse();
		assertThat(matches(rule("title:kazakhstan", null, null, null))).isTrue();
		assertThat(matches(rule("Kazakh* AND NOT Uzbekistan", null, null, null))).isTrue();
		assertThat(matches(rule("\"statement ministry\"~6", null, null, null))).isTrue();
		assertThat(matches(rule("\"statement ministry\"", null, null, null))).isFalse();
		assertThat(matches(rule("Uzbekistan", null, null, null))).isFalse();
	}

	@Test
	void accentsAndCaseDoNotMatter() {
		ArticleEnriched french = article("fr", "Le Kazakhstan et la Chine",
				"Kassym-Jomart Tokaïev a rappelé la position sur Taïwan.");
		assertThat(matches(french, rule("tokaiev AND taiwan", null, null, null))).isTrue();
		assertThat(matches(this.statement, rule("TAÏWAN", null, null, null))).isTrue();
	}

	@Test
	void aRunOfChineseCharactersIsAPhrase() {
		ArticleEnriched chinese = article("zh", "外交部声明", "哈萨克斯坦坚持一个中国原则。");
		assertThat(matches(chinese, rule("一个中国", null, null, null))).isTrue();
		assertThat(matches(chinese, rule("中国一个", null, null, null))).isFalse();
	}

	@Test
	void statementByMatchesTheCountriesThatMadeTheStatement() {
		WatchRule byKazakhstan = new WatchRule("kz", "kz", null, null, null, null, null, List.of("KZ"), null, null,
				null);
		WatchRule byChina = new WatchRule("cn", "cn", null, null, null, null, null, List.of("CN"), null, null, null);
		this.matcher.onRulesChanged(new RulesChanged(List.of(byKazakhstan, byChina), List.of()));
		assertThat(this.matcher.match(this.statement)).extracting(RuleMatch::rule).containsExactly(byKazakhstan);
	}

	@Test
	void explainsTheMatchWithHighlightedTermsAndTheFiltersThatHeld() {
		this.matcher.onRulesChanged(new RulesChanged(List.of(new WatchRule("r", "r", "taiwan OR \"foreign ministry\"",
				List.of("KZ", "UZ"), null, null, null, null, null, null, null)), List.of()));
		RuleMatch match = this.matcher.match(this.statement).get(0);
		assertThat(match.match().terms()).containsExactly("foreign ministry", "taiwan");
		assertThat(match.match().filters()).isEqualTo(Map.of("countries", List.of("KZ")));
		assertThat(match.snippet()).contains("Kazakh <em>Foreign Ministry</em> after the elections in <em>Taiwan</em>");
		assertThat(match.snippet().replaceAll("</?em>", ""))
			.hasSizeLessThanOrEqualTo(120 + "… ".length() + " …".length());
	}

	@Test
	void aDeletedOrReplacedRuleNoLongerMatches() {
		WatchRule kazakh = rule("kazakhstan", null, null, null);
		this.matcher.onRulesChanged(new RulesChanged(List.of(kazakh), List.of()));
		assertThat(this.matcher.match(this.statement)).hasSize(1);
		this.matcher.onRulesChanged(new RulesChanged(List.of(rule("uzbekistan", null, null, null)), List.of()));
		assertThat(this.matcher.match(this.statement)).isEmpty();
		this.matcher.onRulesChanged(new RulesChanged(List.of(kazakh), List.of()));
		this.matcher.onRulesChanged(new RulesChanged(List.of(), List.of("r")));
		assertThat(this.matcher.match(this.statement)).isEmpty();
	}

	@Test
	void thePresearcherFindsWhatRunningEveryRuleFinds() {
		RuleMatcher bruteForce = new RuleMatcher(Presearcher.NO_FILTERING, 120);
		List<WatchRule> rules = List.of(rule("taiwan", null, null, null),
				rule("\"one-china principle\"", null, null, null), rule("kazakh*", List.of("KZ"), null, null),
				rule("astana OR beijing", null, null, List.of("fr")), rule("ministry AND NOT china", null, null, null),
				rule(null, List.of("CN"), List.of("one-china"), null), rule("-uzbekistan", null, null, null),
				rule("elections~1", null, null, null));
		List<WatchRule> withIds = rules.stream().map((rule) -> rule.withId("r" + rules.indexOf(rule))).toList();
		this.matcher.onRulesChanged(new RulesChanged(withIds, List.of()));
		bruteForce.onRulesChanged(new RulesChanged(withIds, List.of()));
		assertThat(this.matcher.match(this.statement)).extracting((match) -> match.rule().id())
			.containsExactlyInAnyOrderElementsOf(
					bruteForce.match(this.statement).stream().map((match) -> match.rule().id()).toList())
			.containsExactlyInAnyOrder("r0", "r1", "r2", "r5", "r6", "r7");
	}

	@Test
	void aBatchGivesEachArticleWhatMatchingItAloneGives() {
		List<WatchRule> rules = List.of(rule("taiwan", null, null, null).withId("taiwan"),
				rule("astana OR beijing", null, null, List.of("fr")).withId("fr-capitals"),
				rule("ministry AND NOT china", null, null, null).withId("ministry"),
				rule("\"joint statement\"", List.of("KZ"), null, null).withId("joint"));
		this.matcher.onRulesChanged(new RulesChanged(rules, List.of()));
		List<ArticleEnriched> articles = List.of(this.statement,
				article("fr", "Astana et Pékin", "Déclaration conjointe signée à Astana."),
				article("en", "Nothing here", "A story about weather in the mountains."),
				article("en", "Joint statement", "The ministry of Kazakhstan issued a joint statement."),
				article("de", "Taiwan", "Taiwan und die Insel."));

		List<List<RuleMatch>> batch = this.matcher.match(articles);

		assertThat(batch).hasSameSizeAs(articles);
		for (int i = 0; i < articles.size(); i++) {
			assertThat(batch.get(i)).as("article %d", i)
				.usingRecursiveFieldByFieldElementComparator()
				.containsExactlyInAnyOrderElementsOf(this.matcher.match(articles.get(i)));
		}
		assertThat(batch.get(1)).extracting((match) -> match.rule().id()).containsExactly("fr-capitals");
		assertThat(batch.get(2)).isEmpty();
		assertThat(batch.get(3)).extracting((match) -> match.rule().id())
			.containsExactlyInAnyOrder("ministry", "joint");
		assertThat(this.matcher.match(List.of())).isEmpty();
	}

	@Test
	void theQueriesOfDeletedRulesDoNotPileUpInTheMonitor() throws Exception {
		// As a benchmark does, or a history of watch-rules read at start: 500 rules saved
		// under new ids, then deleted, twenty times over.
		List<String> previous = List.of();
		for (int round = 0; round < 20; round++) {
			List<WatchRule> rules = new ArrayList<>();
			for (int i = 0; i < 500; i++) {
				rules.add(rule("word" + i, null, null, null).withId("round" + round + "-" + i));
			}
			this.matcher.onRulesChanged(new RulesChanged(rules, previous));
			previous = rules.stream().map(WatchRule::id).toList();
		}

		// 10,000 queries were registered for 500 live rules; the dead ones are purged
		// once there are more than a thousand (the monitor's count of live queries can
		// lag behind by a round).
		assertThat(this.matcher.cachedQueries()).isLessThanOrEqualTo(500 + RuleMatcher.STALE_QUERIES + 2 * 500);
		assertThat(this.matcher.match(article("en", "word7", "nothing"))).extracting((match) -> match.rule().id())
			.containsExactly("round19-7");
	}

	@Test
	void aBatchLargerThanOnePassIsMatchedInChunksWithTheSameResult() {
		this.matcher.onRulesChanged(new RulesChanged(List.of(rule("taiwan", null, null, null).withId("taiwan"),
				rule("ministry AND NOT china", null, null, null).withId("ministry")), List.of()));
		String longBody = "Taiwan ".repeat((int) (RuleMatcher.CHUNK_CHARS / 7) + 1);
		List<ArticleEnriched> articles = new ArrayList<>();
		for (int i = 0; i < 2 * RuleMatcher.CHUNK_ARTICLES + 7; i++) {
			articles.add(switch (i % 3) {
				case 0 -> article("en", "Taiwan " + i, "About Taiwan.");
				case 1 -> article("en", "Ministry " + i, "The ministry spoke.");
				default -> article("en", "Weather " + i, (i == 5) ? longBody : "Rain.");
			});
		}

		List<List<RuleMatch>> batch = this.matcher.match(articles);

		assertThat(batch).hasSameSizeAs(articles);
		for (int i = 0; i < articles.size(); i++) {
			assertThat(batch.get(i)).as("article %d", i)
				.extracting((match) -> match.rule().id())
				.containsExactlyInAnyOrderElementsOf(
						this.matcher.match(articles.get(i)).stream().map((match) -> match.rule().id()).toList())
				.containsExactlyElementsOf(switch (i % 3) {
					case 0 -> List.of("taiwan");
					case 1 -> List.of("ministry");
					default -> (i == 5) ? List.of("taiwan") : List.of();
				});
		}
	}

	private boolean matches(WatchRule rule) {
		return matches(this.statement, rule);
	}

	private boolean matches(ArticleEnriched article, WatchRule rule) {
		this.matcher.onRulesChanged(new RulesChanged(List.of(rule), List.of()));
		return !this.matcher.match(article).isEmpty();
	}

	@Test
	void aPausedRuleMatchesNothingUntilItIsResumed() {
		WatchRule rule = rule("taiwan", null, null, null);
		this.matcher.onRulesChanged(new RulesChanged(List.of(rule), List.of()));
		assertThat(this.matcher.match(this.statement)).hasSize(1);

		this.matcher.onRulesChanged(new RulesChanged(List.of(rule.withPaused(true)), List.of()));
		assertThat(this.matcher.match(this.statement)).isEmpty();

		this.matcher.onRulesChanged(new RulesChanged(List.of(rule.withPaused(false)), List.of()));
		assertThat(this.matcher.match(this.statement)).hasSize(1);
	}

	@Test
	void aRuleWithoutPausedInItsJsonIsNotPaused() {
		tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
		assertThat(json.readValue("{\"name\":\"r\",\"query\":\"taiwan\"}", WatchRule.class).paused()).isFalse();
		assertThat(json.readValue("{\"name\":\"r\",\"paused\":true}", WatchRule.class).paused()).isTrue();
	}

	private static WatchRule rule(String query, List<String> countries, List<String> topics, List<String> languages) {
		return new WatchRule("r", "r", query, countries, topics, languages, null, null, null, null, null);
	}

	private static ArticleEnriched article(String language, String title, String body) {
		return new ArticleEnriched("a-" + language, null, "test", title, body, null, Instant.now(), Instant.now(),
				language, List.of("KZ", "CN", "TW"), List.of("one-china"), List.of(), List.of(), List.of(), List.of(),
				new ArticleEnriched.Statement("ministry_statement", List.of("KZ")), "s1");
	}

}
