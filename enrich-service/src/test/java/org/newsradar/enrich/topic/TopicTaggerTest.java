package org.newsradar.enrich.topic;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsradar.enrich.Articles;
import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.events.TopicTaxonomy;
import org.newsradar.events.ArticleEnriched.TopicEvidence;

import static org.assertj.core.api.Assertions.assertThat;

class TopicTaggerTest {

	private static final TopicTagger tagger = new TopicTagger();

	@Test
	void taxonomyHasEveryTopicRulesReferTo() {
		assertThat(tagger.taxonomy().topics().stream().map(TopicTaxonomy.Topic::id)).contains("one-china",
				"belt-and-road", "global-security-initiative", "sanctions", "ukraine", "afghanistan", "middle-east",
				"human-rights", "un", "sdg", "health", "trade", "energy", "nuclear", "terrorism");
	}

	@Test
	void tagsOneChinaInEnglishAndFrenchWithEvidence() {
		Map<String, TopicEvidence> english = topics("Kazakhstan firmly supports the one-China principle on Taiwan.");
		assertThat(english).containsKey("one-china");
		assertThat(english.get("one-china").terms()).contains("one China principle", "Taiwan");
		assertThat(topics("Le Kazakhstan soutient fermement le principe d’une seule Chine.")).containsKey("one-china");
	}

	@Test
	void aSinglePassingMentionOfTheMiddleEastIsNotTheTopic() {
		assertThat(topics("ties with all states, whether in Asia, the Middle East or Europe"))
			.doesNotContainKey("middle-east");
		assertThat(topics("In the Middle East issue, a proposal on the Palestinian issue and peace in the Middle East"))
			.containsKey("middle-east");
	}

	@Test
	void tellsTheUnitedNationsFromTheFrenchArticle() {
		assertThat(topics("Un accord a été signé.")).doesNotContainKey("un");
		assertThat(topics("The UN Charter")).containsKey("un");
		assertThat(topics("les Nations Unies")).containsKey("un");
	}

	@Test
	void aCommonWordOnceDeepInTheBodyDoesNotTagButInTheHeadlineItDoes() {
		String harvest = "Farmers began picking peaches this week after a warm spring, and growers expect a larger "
				+ "crop than last year, with more pickers hired in every village of the valley and new cold stores "
				+ "opened near the railway station; prices at the markets of the region fell by a fifth in a week "
				+ "as the first lorries arrived from the orchards, and the buyers came back every morning. ";
		assertThat(topics("Peach harvest begins", harvest + harvest + "The valley's trade with Russia is old."))
			.doesNotContainKey("trade");
		Map<String, TopicEvidence> headline = topics("Peach trade begins", harvest);
		assertThat(headline).containsKey("trade");
		assertThat(headline.get("trade").hits()).containsExactly(new TopicEvidence.Hit("trade", "title", 1));
	}

	@Test
	void aTermWhoseWeightReachesItsTopicsThresholdTagsOnceAnywhere() {
		String body = "The ministers discussed roads, schools and water for an hour. ".repeat(8)
				+ "They also touched on the Belt and Road.";
		assertThat(topics("Ministers meet", body)).containsKey("belt-and-road");
	}

	@Test
	void topicsDoNotCompeteForWords() {
		assertThat(topics("La Chine inaugure une centrale nucléaire", "Elle fournira de l'électricité."))
			.containsKeys("energy", "nuclear");
	}

	private static Map<String, TopicEvidence> topics(String title, String body) {
		ArticleDraft draft = new ArticleDraft(Articles.article(title, body));
		tagger.tag(draft);
		return draft.topics();
	}

	private static Map<String, TopicEvidence> topics(String text) {
		ArticleDraft draft = new ArticleDraft(Articles.article("", text));
		tagger.tag(draft);
		return draft.topics();
	}

}
