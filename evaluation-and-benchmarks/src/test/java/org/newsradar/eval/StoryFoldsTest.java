package org.newsradar.eval;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.enrich.story.StoryTagger.Settings;
import org.newsradar.events.ArticleIngested;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The folds hold whole stories, each fold is scored by settings chosen without it, on the
 * pairs it takes part in, with every article in one memory.
 */
class StoryFoldsTest {

	@Test
	void everyStoryLiesInOneFoldAndEachFoldIsScoredOnThePairsItTakesPartIn() {
		List<StoryFolds.Labelled> articles = new ArrayList<>();
		for (int story = 0; story < 30; story++) {
			// An English report and its French translation: their own numbers and names.
			articles.add(labelled("en-" + story, "en", "story-" + story, "Minister Alvarado" + story + " signed accord "
					+ (1000 + 37 * story) + " worth " + (200 + story) + " million"));
			articles.add(labelled("fr-" + story, "fr", "story-" + story, "Le ministre Alvarado" + story
					+ " a signé l'accord " + (1000 + 37 * story) + " de " + (200 + story) + " millions"));
		}
		assertThat(StoryFolds.applies(articles)).isTrue();

		StoryFolds.Folds all = StoryFolds.run(articles);
		List<StoryFolds.Fold> folds = all.folds();

		assertThat(folds).hasSize(StoryFolds.FOLDS);
		assertThat(folds.stream().mapToInt(StoryFolds.Fold::articles).sum()).isEqualTo(articles.size());
		Map<String, Long> foldsPerStory = articles.stream()
			.collect(Collectors.groupingBy(StoryFolds.Labelled::story,
					Collectors.mapping((article) -> StoryFolds.foldOf(article.story()), Collectors.counting())));
		assertThat(foldsPerStory.values()).containsOnly(2L);
		for (StoryFolds.Fold fold : folds) {
			long pairs = fold.heldOut().truePositives + fold.heldOut().falsePositives + fold.heldOut().falseNegatives;
			long ownPairs = (long) fold.articles() * (fold.articles() - 1) / 2;
			long withOthers = (long) fold.articles() * (articles.size() - fold.articles());
			assertThat(pairs).as("pairs of fold %d", fold.fold()).isLessThanOrEqualTo(ownPairs + withOthers);
			assertThat(fold.heldOut().truePositives + fold.heldOut().falseNegatives).as("gold pairs")
				.isEqualTo(fold.stories());
			assertThat(StoryFolds.grid()).contains(fold.chosen());
			assertThat(fold.heldOut().f1()).as("held-out F1 of fold %d", fold.fold())
				.isEqualTo(StoryFolds.score(articles, fold.chosen()).get(fold.fold()).f1());
		}
		Tally pooled = new Tally();
		StoryFolds.score(articles, all.onAll().settings()).forEach(pooled::add);
		assertThat(all.onAll().f1()).as("F1 of the settings chosen on all folds").isEqualTo(pooled.f1());
	}

	@Test
	void aFalseMergeWithAnotherFoldsStoryCountsAgainstBothFolds() {
		String first = storyInFold(0);
		String second = storyInFold(1);
		String text = "Minister Alvarado signed accord 4,127 worth 812 million in Quito";
		List<StoryFolds.Labelled> articles = List.of(labelled("en-1", "en", first, text),
				labelled("fr-1", "fr", second, text.replace("signed", "a signé")));

		List<Tally> folds = StoryFolds.score(articles, Settings.DEFAULTS);

		assertThat(folds.get(0).falsePositives).isEqualTo(1);
		assertThat(folds.get(1).falsePositives).isEqualTo(1);
		assertThat(folds.get(2).falsePositives + folds.get(3).falsePositives + folds.get(4).falsePositives).isZero();
	}

	@Test
	void scoresTranslationsPairedAndOtherStoriesApart() {
		List<StoryFolds.Labelled> articles = List.of(
				labelled("en-a", "en", "a",
						"Governor Degtyarev of Khabarovsk met aides in 2021, 35 percent, 4,120 tonnes"),
				labelled("ru-a", "ru", "a", "Губернатор Дегтярев из Хабаровска встретился в 2021, 35, 4 120 тонн"),
				labelled("en-b", "en", "b", "Hospitals in Lisbon ran short of oxygen on 14 May; 812 patients waited"));

		Tally tally = new Tally();
		for (Tally fold : StoryFolds.score(articles, Settings.DEFAULTS)) {
			tally.add(fold);
		}

		assertThat(tally.truePositives).isEqualTo(1);
		assertThat(tally.falsePositives).isZero();
		assertThat(tally.falseNegatives).isZero();
	}

	private static String storyInFold(int fold) {
		for (int story = 0;; story++) {
			if (StoryFolds.foldOf("story-" + story) == fold) {
				return "story-" + story;
			}
		}
	}

	private static StoryFolds.Labelled labelled(String id, String language, String story, String text) {
		ArticleDraft draft = new ArticleDraft(
				new ArticleIngested(id, null, null, "", text, null, Instant.parse("2026-11-30T10:00:00Z"), null));
		draft.language(language);
		return new StoryFolds.Labelled(draft, story);
	}

}
