package org.newsradar.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntPredicate;

import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.enrich.story.StoryTagger;
import org.newsradar.enrich.story.StoryTagger.Settings;

/**
 * Story pairing measured on articles it was not tuned on. The articles of a dataset are
 * split by gold story into {@value #FOLDS} folds (all articles of a story in one fold).
 * For each point of a grid of settings, one tagger tags the whole dataset in one memory,
 * as the service would, and each fold is scored on the pairs it takes part in: its own
 * pairs and those of its articles with every other article (a false merge with another
 * fold's story counts against it). For each fold, the settings with the best pairwise F1
 * on the other folds are chosen, and their score on that fold is reported, with the mean
 * and the worst, next to what the service's own settings score on the same fold (those
 * were chosen on all the development data, so that figure is not a held-out one). The
 * gold stories of the held-out fold play no part in the choice; its articles are in the
 * memory, unlabelled, as new articles are.
 */
final class StoryFolds {

	static final int FOLDS = 5;

	/** Fewer stories than this are not split (the five seeds, say). */
	static final int MIN_STORIES = 20;

	private static final double[] THRESHOLDS = { 0.3, 0.4, 0.5 };

	private static final double[] MIN_EVIDENCE = { 1.25, 1.75, 2.5 };

	private static final double[] MAX_SHARES = { 0.05, 0.1 };

	private static final double[] SAME_WORDS = { 0.3, 0.4, 0.5 };

	private static final double[] SMALL_NUMBERS = { 0.3, 0.45, 0.6 };

	private static final int[] TELLING = { 0, 1 };

	private StoryFolds() {
	}

	/**
	 * An article with its tags, and its gold story.
	 *
	 * @param draft the article as the other taggers left it
	 * @param story its gold story
	 */
	record Labelled(ArticleDraft draft, String story) {

	}

	/**
	 * One held-out fold.
	 *
	 * @param fold its number
	 * @param stories gold stories in it
	 * @param articles articles in it
	 * @param chosen the settings chosen on the other folds
	 * @param trainF1 their pairwise F1 on the other folds
	 * @param heldOut what they score on this fold
	 * @param defaults what the service's settings score on this fold
	 */
	record Fold(int fold, long stories, int articles, Settings chosen, double trainF1, Tally heldOut, Tally defaults) {

	}

	static boolean applies(List<Labelled> articles) {
		return articles.stream().map(Labelled::story).distinct().count() >= MIN_STORIES;
	}

	/**
	 * Scores every point of the grid, then for each fold chooses the point with the best
	 * pairwise F1 on the other four together.
	 */
	static Folds run(List<Labelled> articles) {
		Map<Settings, List<Tally>> scores = new LinkedHashMap<>();
		for (Settings settings : grid()) {
			scores.put(settings, score(articles, settings));
		}
		List<Tally> defaults = score(articles, Settings.DEFAULTS);
		List<Fold> folds = new ArrayList<>();
		for (int fold = 0; fold < FOLDS; fold++) {
			int held = fold;
			Choice choice = choose(scores, (other) -> other != held);
			List<Labelled> test = articles.stream().filter((article) -> foldOf(article.story()) == held).toList();
			folds.add(new Fold(fold, test.stream().map(Labelled::story).distinct().count(), test.size(),
					choice.settings(), choice.f1(), scores.get(choice.settings()).get(fold), defaults.get(fold)));
		}
		return new Folds(folds, choose(scores, (fold) -> true));
	}

	private static Choice choose(Map<Settings, List<Tally>> scores, IntPredicate folds) {
		Choice best = null;
		for (Map.Entry<Settings, List<Tally>> point : scores.entrySet()) {
			Tally together = new Tally();
			for (int fold = 0; fold < FOLDS; fold++) {
				if (folds.test(fold)) {
					together.add(point.getValue().get(fold));
				}
			}
			if (best == null || together.f1() > best.f1()) {
				best = new Choice(point.getKey(), together.f1());
			}
		}
		return best;
	}

	/**
	 * Settings chosen on some folds.
	 *
	 * @param settings the grid point with the best pairwise F1 on them
	 * @param f1 that F1
	 */
	record Choice(Settings settings, double f1) {

	}

	/**
	 * The held-out folds, and the settings all five choose together: what the service
	 * should run.
	 *
	 * @param folds each fold, scored with the settings chosen on the others
	 * @param onAll the settings chosen on every fold
	 */
	record Folds(List<Fold> folds, Choice onAll) {

	}

	/** A story's fold: from its name alone, so the split is the same on every run. */
	static int foldOf(String story) {
		return Math.floorMod(story.hashCode(), FOLDS);
	}

	static List<Settings> grid() {
		List<Settings> grid = new ArrayList<>();
		for (double threshold : THRESHOLDS) {
			for (double evidence : MIN_EVIDENCE) {
				for (double share : MAX_SHARES) {
					for (double words : SAME_WORDS) {
						for (double small : SMALL_NUMBERS) {
							for (int telling : TELLING) {
								grid.add(new Settings(threshold, evidence, share, words, small, telling));
							}
						}
					}
				}
			}
		}
		return grid;
	}

	/**
	 * Pairwise counts of one fresh tagger with these settings over all these articles, in
	 * order, for each fold: the pairs with at least one article in it.
	 */
	static List<Tally> score(List<Labelled> articles, Settings settings) {
		StoryTagger tagger = new StoryTagger(settings);
		List<String> predicted = new ArrayList<>(articles.size());
		int[] folds = new int[articles.size()];
		for (int i = 0; i < articles.size(); i++) {
			tagger.tag(articles.get(i).draft());
			predicted.add(articles.get(i).draft().storyId());
			folds[i] = foldOf(articles.get(i).story());
		}
		List<Tally> tallies = new ArrayList<>();
		for (int fold = 0; fold < FOLDS; fold++) {
			tallies.add(new Tally());
		}
		for (int i = 0; i < articles.size(); i++) {
			tallies.get(folds[i]).articles++;
			for (int j = i + 1; j < articles.size(); j++) {
				boolean sameGold = articles.get(i).story().equals(articles.get(j).story());
				boolean samePredicted = predicted.get(i).equals(predicted.get(j));
				tallies.get(folds[i]).addPair(sameGold, samePredicted);
				if (folds[j] != folds[i]) {
					tallies.get(folds[j]).addPair(sameGold, samePredicted);
				}
			}
		}
		return tallies;
	}

	/** The folds as report rows, then the mean and the worst fold. */
	static List<Map<String, Object>> rows(String dataset, Folds all) {
		List<Fold> folds = all.folds();
		List<Map<String, Object>> rows = new ArrayList<>();
		for (Fold fold : folds) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("dataset", dataset);
			row.put("fold", Integer.toString(fold.fold()));
			row.put("stories", fold.stories());
			row.put("articles", fold.articles());
			row.put("chosen", describe(fold.chosen()));
			row.put("train_f1", Report.round(fold.trainF1()));
			row.put("precision", Report.round(fold.heldOut().precision()));
			row.put("recall", Report.round(fold.heldOut().recall()));
			row.put("f1", Report.round(fold.heldOut().f1()));
			row.put("defaults_f1", Report.round(fold.defaults().f1()));
			rows.add(row);
		}
		Fold worst = folds.stream().min(Comparator.comparingDouble((fold) -> fold.heldOut().f1())).orElseThrow();
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("dataset", dataset);
		summary.put("fold", "mean (worst: fold " + worst.fold() + ")");
		summary.put("chosen", describe(all.onAll().settings()) + " on all five");
		summary.put("train_f1", Report.round(all.onAll().f1()));
		summary.put("precision", Report.round(mean(folds, (fold) -> fold.heldOut().precision())));
		summary.put("recall", Report.round(mean(folds, (fold) -> fold.heldOut().recall())));
		summary.put("f1", Report.round(mean(folds, (fold) -> fold.heldOut().f1())));
		summary.put("worst_f1", Report.round(worst.heldOut().f1()));
		summary.put("worst_precision", Report.round(worst.heldOut().precision()));
		summary.put("defaults_f1", Report.round(mean(folds, (fold) -> fold.defaults().f1())));
		rows.add(summary);
		return rows;
	}

	static String markdown(List<Map<String, Object>> rows) {
		StringBuilder text = new StringBuilder();
		text.append("## Stories, five folds by gold story\n\n");
		text.append("The whole dataset tagged in one memory per setting; each fold scored on the pairs it takes ")
			.append("part in, with the settings chosen on the other four (threshold, min evidence, max share, ")
			.append("same words, small numbers, telling features); `defaults` is the service's settings, chosen ")
			.append("on all of the development data (not held out).\n\n");
		text.append("| dataset | fold | stories | articles | chosen | F1 on the others | P | R | F1 | defaults F1 |\n");
		text.append("|---|---|---|---|---|---|---|---|---|---|\n");
		for (Map<String, Object> row : rows) {
			text.append("| ")
				.append(String.join(" | ",
						List.of(cell(row, "dataset"), cell(row, "fold"), cell(row, "stories"), cell(row, "articles"),
								cell(row, "chosen"), cell(row, "train_f1"), cell(row, "precision"), cell(row, "recall"),
								f1Cell(row), cell(row, "defaults_f1"))))
				.append(" |\n");
		}
		return text.toString();
	}

	private static String f1Cell(Map<String, Object> row) {
		return row.containsKey("worst_f1")
				? cell(row, "f1") + " (worst " + cell(row, "worst_f1") + ", P " + cell(row, "worst_precision") + ")"
				: cell(row, "f1");
	}

	private static String cell(Map<String, Object> row, String key) {
		Object value = row.get(key);
		return (value != null) ? value.toString() : "";
	}

	private static String describe(Settings settings) {
		return String.format(Locale.ROOT, "%.2f, %.2f, %.2f, %.2f, %.2f, %d", settings.threshold(),
				settings.minEvidence(), settings.maxShare(), settings.sameWords(), settings.smallNumbers(),
				settings.telling());
	}

	private static double mean(List<Fold> folds, java.util.function.ToDoubleFunction<Fold> value) {
		return folds.stream().mapToDouble(value).average().orElse(0);
	}

}
