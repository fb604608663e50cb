package org.newsradar.alert.matching;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.newsradar.alert.rule.RulesChanged;
import org.newsradar.alert.rule.WatchRule;
import org.newsradar.elasticsearch.IndexSetup;
import org.newsradar.engines.TestEngines;
import org.newsradar.events.ArticleEnriched;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A preview against Elasticsearch finds the same articles as live matching: a corpus of
 * multilingual articles is indexed into the real {@code articles} index and many rules
 * are run both ways.
 */
@SpringBootTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Closed after the class: a context left running would match the articles of later
// tests in its own consumer group and publish their alerts a second time.
@DirtiesContext
class RulePreviewIT {

	private static final List<String> SENTENCES = List.of(
			"Kazakhstan reaffirms its support for the one-China principle.",
			"The Foreign Ministry issued a statement on Taiwan.",
			"Le Kazakhstan soutient le principe d'une seule Chine.",
			"Kassym-Jomart Tokaïev a rencontré Xi Jinping à Astana.", "President Tokayev spoke on foreign policy.",
			"Sanctions against Russia were extended by the European Union.",
			"Die Bundesregierung begrüßt die Initiative für globale Sicherheit.",
			"Министерство иностранных дел Казахстана сделало заявление.", "哈萨克斯坦坚持一个中国原则。",
			"A new gas pipeline will bring energy from Turkmenistan to China.",
			"The Global Security Initiative was discussed at the United Nations.",
			"Uzbekistan and Kyrgyzstan signed a water agreement.", "Neutrality remains the basis of foreign policy.",
			"La politique étrangère du Turkménistan repose sur la neutralité.",
			"Human rights groups criticised the elections.",
			"The Belt and Road Initiative funds railways in Central Asia.");

	private static final List<String> COUNTRIES = List.of("KZ", "CN", "TW", "RU", "UZ", "KG", "TM", "DE", "FR");

	private static final List<String> TOPICS = List.of("one-china", "sanctions", "energy", "global-security-initiative",
			"human-rights", "belt-and-road", "un");

	private static final List<String> LANGUAGES = List.of("en", "fr", "de", "ru", "zh");

	private static final List<String> SOURCES = List.of("Astana Times", "Xinhua", "Le Monde", "TASS");

	private static final List<String> QUERIES = List.of("kazakhstan", "\"one-China principle\"", "taiwan OR taïwan",
			"tokayev OR tokaiev", "\"foreign policy\" AND neutrality", "sanction*", "pipeline AND NOT russia",
			"\"security initiative\"~2", "一个中国", "neutralite", "title:kazakhstan", "body:(energy OR gas)", "-china",
			"+astana +xi", "ministry AND (taiwan OR statement)", "\"united nations\" OR un", "казахстана", "uzbek*",
			"rights AND elections", "railway*");

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		TestEngines.registerKafka(registry);
		TestEngines.registerElasticsearch(registry);
	}

	@Autowired
	ElasticsearchClient elasticsearch;

	@Autowired
	IndexSetup indexSetup;

	@Autowired
	RulePreview preview;

	private final List<ArticleEnriched> corpus = corpus(300);

	@BeforeAll
	void indexCorpus() throws Exception {
		this.indexSetup.ensureArticles();
		BulkResponse response = this.elasticsearch.bulk((bulk) -> {
			this.corpus.forEach((article) -> bulk.operations((operation) -> operation
				.index((index) -> index.index(IndexSetup.ARTICLES).id(article.id()).document(article))));
			return bulk.refresh(co.elastic.clients.elasticsearch._types.Refresh.True);
		});
		assertThat(response.errors()).isFalse();
	}

	@Test
	void previewFindsTheArticlesLiveMatchingFinds() throws Exception {
		List<WatchRule> rules = rules(120);
		RuleMatcher live = new RuleMatcher(RuleMatcher.presearcher(), 200);
		live.onRulesChanged(new RulesChanged(rules, List.of()));
		Map<String, Set<String>> liveByRule = new HashMap<>();
		for (ArticleEnriched article : this.corpus) {
			live.match(article)
				.forEach((match) -> liveByRule.computeIfAbsent(match.rule().id(), (id) -> new HashSet<>())
					.add(article.id()));
		}
		int nonEmpty = 0;
		for (WatchRule rule : rules) {
			Set<String> liveMatches = liveByRule.getOrDefault(rule.id(), Set.of());
			RulePreview.Result result = this.preview.preview(rule, 60, 1000);
			assertThat(result.hits()).as("rule %s: %s", rule.id(), rule)
				.extracting(RulePreview.PreviewHit::articleId)
				.containsExactlyInAnyOrderElementsOf(liveMatches);
			assertThat(result.matched()).isEqualTo(liveMatches.size());
			assertThat(result.byLanguage().values().stream().mapToInt(Integer::intValue).sum())
				.isEqualTo(liveMatches.size());
			nonEmpty += liveMatches.isEmpty() ? 0 : 1;
		}
		// The comparison means something only if most rules match some articles.
		assertThat(nonEmpty).isGreaterThan(rules.size() / 2);
	}

	@Test
	void previewLooksOnlyAtTheLastDays() throws Exception {
		WatchRule everything = new WatchRule("all", "all", null, null, null, null, null, null, null, null, null);
		Instant since = Instant.now().minus(Duration.ofDays(10));
		long recent = this.corpus.stream().filter((article) -> article.publishedAt().isAfter(since)).count();
		RulePreview.Result result = this.preview.preview(everything, 10, 5);
		assertThat(result.matched()).isEqualTo(recent).isLessThan(this.corpus.size());
		assertThat(result.hits()).hasSize(5);
		assertThat(result.truncated()).isFalse();
	}

	private static List<ArticleEnriched> corpus(int size) {
		Random random = new Random(42);
		List<ArticleEnriched> articles = new ArrayList<>();
		for (int i = 0; i < size; i++) {
			String title = pick(random, SENTENCES);
			String body = pick(random, SENTENCES) + " " + pick(random, SENTENCES) + " " + pick(random, SENTENCES);
			List<String> statementBy = random.nextInt(3) == 0 ? some(random, COUNTRIES, 1) : List.of();
			articles.add(new ArticleEnriched("preview-" + i, "https://example.org/" + i, pick(random, SOURCES), title,
					body, Instant.now().minus(Duration.ofHours(random.nextInt(24 * 30))), Instant.now(), Instant.now(),
					pick(random, LANGUAGES), some(random, COUNTRIES, 3), some(random, TOPICS, 2), List.of(),
					random.nextBoolean() ? List.of("Kassym-Jomart Tokayev") : List.of(), List.of(), List.of(),
					statementBy.isEmpty() ? null : new ArticleEnriched.Statement("ministry_statement", statementBy),
					"story-" + i));
		}
		return articles;
	}

	private static List<WatchRule> rules(int count) {
		Random random = new Random(7);
		List<WatchRule> rules = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			String query = (i < QUERIES.size() || random.nextBoolean()) ? QUERIES.get(i % QUERIES.size()) : null;
			rules.add(new WatchRule("rule-" + i, "rule " + i, query, maybe(random, COUNTRIES), maybe(random, TOPICS),
					maybe(random, LANGUAGES), random.nextInt(6) == 0 ? some(random, SOURCES, 2) : null,
					random.nextInt(6) == 0 ? some(random, COUNTRIES, 2) : null,
					random.nextInt(8) == 0 ? List.of("Kassym-Jomart Tokayev") : null, null, null));
		}
		return rules;
	}

	private static List<String> maybe(Random random, List<String> values) {
		return random.nextInt(3) == 0 ? some(random, values, 2) : null;
	}

	private static List<String> some(Random random, List<String> values, int most) {
		return random.ints(1 + random.nextInt(most), 0, values.size()).mapToObj(values::get).distinct().toList();
	}

	private static String pick(Random random, List<String> values) {
		return values.get(random.nextInt(values.size()));
	}

}
