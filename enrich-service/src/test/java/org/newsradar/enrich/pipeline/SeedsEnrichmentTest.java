package org.newsradar.enrich.pipeline;

import java.time.Clock;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsradar.enrich.Articles;
import org.newsradar.enrich.country.CountryTagger;
import org.newsradar.enrich.furniture.FurnitureRemover;
import org.newsradar.enrich.language.LanguageTagger;
import org.newsradar.enrich.person.PersonTagger;
import org.newsradar.enrich.story.StoryTagger;
import org.newsradar.enrich.topic.TopicTagger;
import org.newsradar.events.ArticleEnriched;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole pipeline over the project's five seed articles, checked against what an
 * analyst reading them would say.
 */
class SeedsEnrichmentTest {

	private static List<ArticleEnriched> seeds;

	@BeforeAll
	static void enrichSeeds() {
		EnrichmentPipeline pipeline = new EnrichmentPipeline(List.of(new FurnitureRemover(), new LanguageTagger(),
				new CountryTagger(), new PersonTagger(), new TopicTagger(), new StoryTagger()), Clock.systemUTC());
		seeds = List.of("000", "001", "002", "003", "004").stream().map(Articles::seed).map(pipeline::enrich).toList();
	}

	@Test
	void languagesAreRight() {
		assertThat(seeds).extracting(ArticleEnriched::language).containsExactly("en", "en", "en", "fr", "en");
	}

	@Test
	void theEnglishAndFrenchJointStatementAreOneStoryAndTheOthersAreNot() {
		assertThat(seeds.get(1).storyId()).isEqualTo(seeds.get(3).storyId());
		assertThat(seeds.stream().map(ArticleEnriched::storyId).distinct()).hasSize(4);
	}

	@Test
	void countriesComeFromTheArticleNotFromItsFurniture() {
		assertThat(seeds.get(0).countries()).containsExactlyInAnyOrder("CN", "KZ", "TW", "US", "RU");
		assertThat(seeds.get(1).countries()).containsExactlyInAnyOrder("CN", "KZ", "TW");
		assertThat(seeds.get(2).countries()).contains("KZ", "RU", "CN", "US", "UZ", "KG", "TM", "TJ", "TR")
			.doesNotContain("AF", "IL", "PS", "FR", "SA", "AR", "HU", "PY");
		assertThat(seeds.get(3).countries()).containsExactlyInAnyOrder("CN", "KZ", "TW");
		assertThat(seeds.get(4).countries()).contains("CN", "KZ", "UA", "AF", "IR", "KP", "PS").doesNotContain("PK");
	}

	@Test
	void oneChinaIsTaggedWhereverTheStatementIsReported() {
		assertThat(seeds.get(0).topics()).contains("one-china");
		assertThat(seeds.get(1).topics()).contains("one-china", "belt-and-road", "global-security-initiative");
		assertThat(seeds.get(3).topics()).contains("one-china", "belt-and-road", "global-security-initiative");
		assertThat(seeds.get(2).topics()).doesNotContain("one-china", "middle-east", "afghanistan");
	}

	@Test
	void furnitureIsGoneFromTheBody() {
		assertThat(seeds.get(0).title()).isEqualTo("Kazakhstan Reaffirms Support for ‘One-China’ Principle");
		assertThat(seeds.get(0).body()).doesNotContain("Aqsa Younas stands as a beacon");
		assertThat(seeds.get(1).body()).doesNotContain("Load More", "Gwadar", "Financial Daily");
		assertThat(seeds.get(2).body()).doesNotContain("Related articles", "Borrell");
		assertThat(seeds.get(4).body()).doesNotContain("Leave a Comment");
	}

	@Test
	void peopleAreFiledUnderOneName() {
		assertThat(seeds.get(0).persons()).containsExactly("Kassym-Jomart Tokayev");
		assertThat(seeds.get(3).persons()).containsExactly("Xi Jinping");
	}

}
