package org.newsradar.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.newsradar.enrich.language.LanguageTagger;
import org.newsradar.enrich.pipeline.EnrichmentPipeline;
import org.newsradar.enrich.Enrichment;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * {@code ./newsradar eval [--out DIR] [PATH...]}: evaluates the enrichment over the JSONL
 * files under each path (default {@code ../shared/eval}), prints the figures and writes
 * them to {@code DIR/eval-report.md} and {@code DIR/eval-report.json} (default
 * {@code target/eval}).
 */
public final class EvaluationCommand {

	private EvaluationCommand() {
	}

	public static void main(String[] args) throws IOException {
		Path out = Path.of("target", "eval");
		List<Path> paths = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--out") && i + 1 < args.length) {
				out = Path.of(args[++i]);
			}
			else if (args[i].startsWith("-")) {
				System.err.println("usage: eval [--out DIR] [PATH...]   (unknown option " + args[i] + ")");
				System.exit(2);
			}
			else {
				paths.add(Path.of(args[i]));
			}
		}
		if (paths.isEmpty()) {
			paths.add(Path.of("..", "shared", "eval"));
		}
		for (Path path : paths) {
			if (!Files.exists(path)) {
				System.err.println("eval: " + path + " does not exist");
				System.exit(2);
			}
		}
		System.exit(run(paths, out) ? 0 : 1);
	}

	/**
	 * @return whether any labelled article was evaluated
	 */
	static boolean run(List<Path> paths, Path out) throws IOException {
		Evaluation evaluation;
		try (AnnotationConfigApplicationContext taggers = Enrichment.standalone()) {
			LanguageTagger languages = taggers.getBean(LanguageTagger.class);
			evaluation = new Evaluation(taggers.getBean(EnrichmentPipeline.class), languages::supports);
			paths.forEach(evaluation::run);
		}
		List<Map<String, Object>> rows = Report.rows(evaluation);
		String rate = (evaluation.nanos() == 0) ? "-"
				: String.format(Locale.ROOT, "%.0f", evaluation.articles() * 1e9 / evaluation.nanos());
		StringBuilder text = new StringBuilder();
		text.append("# Enrichment evaluation, ").append(Instant.now()).append("\n\n");
		text.append("Evaluated ").append(paths).append(": ").append(evaluation.articles()).append(" articles, ");
		text.append(rate).append(" articles/s through the pipeline (one thread).\n\n");
		evaluation.unlabelled()
			.forEach((dataset, count) -> text.append("- ")
				.append(dataset)
				.append(": ")
				.append(count)
				.append(" articles without labels, not scored\n"));
		evaluation.problems().forEach((problem) -> text.append("- ").append(problem).append('\n'));
		text.append('\n').append(Report.markdown(rows));
		List<Map<String, Object>> folds = evaluation.storyFolds();
		if (!folds.isEmpty()) {
			text.append('\n').append(StoryFolds.markdown(folds));
		}
		System.out.print(text);
		Files.createDirectories(out);
		Files.writeString(out.resolve("eval-report.md"), text, StandardCharsets.UTF_8);
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("evaluated_at", Instant.now().toString());
		document.put("paths", paths.stream().map(Path::toString).toList());
		document.put("articles", evaluation.articles());
		document.put("problems", evaluation.problems());
		document.put("rows", rows);
		document.put("story_folds", folds);
		JsonMapper.builder()
			.enable(SerializationFeature.INDENT_OUTPUT)
			.build()
			.writeValue(out.resolve("eval-report.json").toFile(), document);
		try (var writer = Files.newBufferedWriter(out.resolve("eval-misses.jsonl"), StandardCharsets.UTF_8)) {
			JsonMapper lines = JsonMapper.builder().build();
			for (Map<String, Object> miss : evaluation.misses()) {
				writer.write(lines.writeValueAsString(miss));
				writer.newLine();
			}
		}
		System.out
			.println("\nWritten to " + out.resolve("eval-report.md") + ", eval-report.json and eval-misses.jsonl");
		return evaluation.articles() > 0;
	}

}
