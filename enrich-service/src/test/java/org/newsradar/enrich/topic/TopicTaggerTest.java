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

	private static Map<String, TopicEvidence> topics(String text) {
		ArticleDraft draft = new ArticleDraft(Articles.article("", text));
		tagger.tag(draft);
		return draft.topics();
	}

}
