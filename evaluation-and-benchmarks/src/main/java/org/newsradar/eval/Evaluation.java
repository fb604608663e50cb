package org.newsradar.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.enrich.pipeline.EnrichmentPipeline;
import org.newsradar.events.ArticleEnriched;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs the enrichment over labelled articles and tallies the results.
 */
final class Evaluation {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final EnrichmentPipeline pipeline;

	private final Predicate<String> supportedLanguage;

	/** Tallies by dataset, then language ({@link Report#ALL} for all), then field. */
	private final Map<String, Map<String, Map<Field, Tally>>> tallies = new TreeMap<>();

	private final List<String> problems = new ArrayList<>();

	private final Map<String, Integer> unlabelled = new TreeMap<>();

	private final List<Map<String, Object>> misses = new ArrayList<>();

	/** The articles of each dataset with gold stories, for {@link StoryFolds}. */
	private final Map<String, List<StoryFolds.Labelled>> storyArticles = new TreeMap<>();

	private long articles;

	private long nanos;

	Evaluation(EnrichmentPipeline pipeline, Predicate<String> supportedLanguage) {
		this.pipeline = pipeline;
		this.supportedLanguage = supportedLanguage;
	}

	/**
	 * Evaluates every {@code .jsonl} file under {@code root} (or {@code root} itself).
	 */
	void run(Path root) {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(root)) {
			files = walk.filter((path) -> path.toString().endsWith(".jsonl")).sorted().toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + root, ex);
		}
		for (Path file : files) {
			String name = Files.isDirectory(root) ? root.relativize(file).toString() : file.getFileName().toString();
			evaluate(name.substring(0, name.length() - ".jsonl".length()), file);
		}
	}

	private void evaluate(String dataset, Path file) {
		List<Scored> stories = new ArrayList<>();
		try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank()) {
					continue;
				}
				LabelledArticle labelled;
				try {
					labelled = LabelledArticle.read(dataset, json.readTree(line), file);
				}
				catch (JacksonException | IllegalArgumentException ex) {
					this.problems.add(file + " line " + number + ": skipped, " + message(ex));
					continue;
				}
				if (labelled == null) {
					this.unlabelled.merge(dataset, 1, Integer::sum);
					continue;
				}
				long start = System.nanoTime();
				ArticleDraft draft = this.pipeline.draft(labelled.article());
				ArticleEnriched enriched = this.pipeline.enriched(draft);
				this.nanos += System.nanoTime() - start;
				this.articles++;
				score(labelled, enriched);
				if (labelled.gold().containsKey(Field.STORY)) {
					String story = labelled.gold().get(Field.STORY).iterator().next();
					stories.add(new Scored(labelled.article().id(), story, enriched.storyId()));
					this.storyArticles.computeIfAbsent(dataset, (key) -> new ArrayList<>())
						.add(new StoryFolds.Labelled(draft, story));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file, ex);
		}
		scoreStories(dataset, stories);
	}

	private void score(LabelledArticle labelled, ArticleEnriched enriched) {
		labelled.gold().forEach((field, gold) -> {
			if (field == Field.STORY) {
				return;
			}
			Set<String> predicted = field.of(enriched);
			Set<String> forbidden = labelled.forbidden().getOrDefault(field, Set.of());
			tally(labelled.dataset(), Report.ALL, field).add(gold, predicted, forbidden);
			if (!gold.equals(predicted)) {
				this.misses.add(Map.of("dataset", labelled.dataset(), "id", labelled.article().id(), "field",
						field.label(), "gold", gold, "predicted", predicted));
			}
			tally(labelled.dataset(), labelled.language(), field).add(gold, predicted, forbidden);
			if (field == Field.LANGUAGE && this.supportedLanguage.test(labelled.language())) {
				tally(labelled.dataset(), Report.SUPPORTED, field).add(gold, predicted, forbidden);
			}
		});
	}

	/**
	 * Pairwise: two articles should share a story id exactly when their gold stories are
	 * one. An article is a miss when the articles it was grouped with are not those of
	 * its gold story; the miss lists both, by id.
	 */
	private void scoreStories(String dataset, List<Scored> stories) {
		if (stories.size() < 2) {
			return;
		}
		Tally tally = tally(dataset, Report.ALL, Field.STORY);
		tally.articles = stories.size();
		for (int i = 0; i < stories.size(); i++) {
			Scored one = stories.get(i);
			Set<String> gold = new TreeSet<>();
			Set<String> predicted = new TreeSet<>();
			for (int j = 0; j < stories.size(); j++) {
				Scored other = stories.get(j);
				boolean sameGold = one.gold().equals(other.gold());
				boolean samePredicted = one.predicted().equals(other.predicted());
				if (j > i) {
					tally.addPair(sameGold, samePredicted);
				}
				if (j != i && sameGold) {
					gold.add(other.id());
				}
				if (j != i && samePredicted) {
					predicted.add(other.id());
				}
			}
			if (!gold.equals(predicted)) {
				this.misses.add(Map.of("dataset", dataset, "id", one.id(), "field", Field.STORY.label(), "gold", gold,
						"predicted", predicted));
			}
		}
	}

	private Tally tally(String dataset, String language, Field field) {
		return this.tallies.computeIfAbsent(dataset, (key) -> new TreeMap<>())
			.computeIfAbsent(language, (key) -> new TreeMap<>())
			.computeIfAbsent(field, (key) -> new Tally());
	}

	Map<String, Map<String, Map<Field, Tally>>> tallies() {
		return this.tallies;
	}

	/**
	 * Story pairing on folds of each dataset with enough gold stories: report rows, the
	 * mean and worst fold last.
	 */
	List<Map<String, Object>> storyFolds() {
		List<Map<String, Object>> rows = new ArrayList<>();
		this.storyArticles.forEach((dataset, articles) -> {
			if (StoryFolds.applies(articles)) {
				rows.addAll(StoryFolds.rows(dataset, StoryFolds.run(articles)));
			}
		});
		return rows;
	}

	List<String> problems() {
		return this.problems;
	}

	Map<String, Integer> unlabelled() {
		return this.unlabelled;
	}

	/** Every article whose values differ from the gold ones, field by field. */
	List<Map<String, Object>> misses() {
		return this.misses;
	}

	long articles() {
		return this.articles;
	}

	/** Time spent in the pipeline, reading and scoring left out. */
	long nanos() {
		return this.nanos;
	}

	private static String message(Exception ex) {
		return (ex instanceof JacksonException jackson) ? "not JSON: " + jackson.getOriginalMessage() : ex.getMessage();
	}

	private record Scored(String id, String gold, String predicted) {

	}

}
