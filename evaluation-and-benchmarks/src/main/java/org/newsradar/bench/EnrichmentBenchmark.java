package org.newsradar.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.newsradar.enrich.Enrichment;
import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.enrich.pipeline.EnrichmentPipeline;
import org.newsradar.enrich.pipeline.Tagger;
import org.newsradar.events.ArticleIngested;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * {@code ./newsradar benchmark enrichment [PILE] [--passes N] [--articles N]}: the whole
 * enrichment (furniture, language, countries, people, topics, quotes and statements,
 * story), without Kafka or indexing, on one thread over the evaluation pile
 * ({@code ../shared/eval/pile/news_pile.jsonl}); prints articles per second, the time per
 * tagger, and memory (heap after the taggers loaded, heap after the run, peak resident
 * size of the process). {@code --articles N} takes the first N articles of the file only:
 * {@code ./newsradar benchmark pipeline} runs it so on the articles it posted, as the
 * baseline of enrichment alone.
 */
public final class EnrichmentBenchmark {

	private EnrichmentBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		Path pile = Path.of("..", "shared", "eval", "pile", "news_pile.jsonl");
		int passes = 2;
		int limit = Integer.MAX_VALUE;
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--passes")) {
				passes = Integer.parseInt(args[++i]);
			}
			else if (args[i].equals("--articles")) {
				limit = Integer.parseInt(args[++i]);
			}
			else {
				pile = Path.of(args[i]);
			}
		}
		List<ArticleIngested> articles = read(pile, limit);
		long chars = articles.stream().mapToLong((a) -> a.title().length() + a.body().length()).sum();
		System.out.printf(Locale.ROOT, "%d articles, %.1f MB of text, from %s%n", articles.size(), chars / 1e6, pile);
		try (AnnotationConfigApplicationContext context = Enrichment.standalone()) {
			List<Tagger> taggers = context.getBean(EnrichmentPipeline.class).taggers();
			System.out.printf(Locale.ROOT, "heap with the taggers loaded: %d MB%n", usedHeapAfterGc());
			System.out.println("warm-up pass ...");
			run(taggers, articles, 0, new long[taggers.size()]);
			for (int pass = 1; pass <= passes; pass++) {
				long[] perTagger = new long[taggers.size()];
				long start = System.nanoTime();
				run(taggers, articles, pass, perTagger);
				double seconds = (System.nanoTime() - start) / 1e9;
				System.out.printf(Locale.ROOT, "pass %d: %.1f s, %.0f articles/s, %.2f MB/s on one thread%n", pass,
						seconds, articles.size() / seconds, chars / 1e6 / seconds);
				Map<String, Double> shares = new LinkedHashMap<>();
				long total = java.util.Arrays.stream(perTagger).sum();
				for (int i = 0; i < taggers.size(); i++) {
					shares.put(taggers.get(i).getClass().getSimpleName(), 100.0 * perTagger[i] / total);
				}
				shares.forEach((name, share) -> System.out.printf(Locale.ROOT, "  %-20s %5.1f %%%n", name, share));
			}
			System.out.printf(Locale.ROOT, "heap after the runs: %d MB; peak resident size: %s%n", usedHeapAfterGc(),
					peakResident());
		}
	}

	/**
	 * Each pass gives the articles new ids, so that no tagger recognises them from a pass
	 * before.
	 */
	private static void run(List<Tagger> taggers, List<ArticleIngested> articles, int pass, long[] perTagger) {
		for (ArticleIngested article : articles) {
			ArticleDraft draft = new ArticleDraft(
					new ArticleIngested(article.id() + "#" + pass, article.url(), article.source(), article.title(),
							article.body(), article.publishedAt(), article.ingestedAt(), article.language()));
			for (int i = 0; i < taggers.size(); i++) {
				long start = System.nanoTime();
				taggers.get(i).tag(draft);
				perTagger[i] += System.nanoTime() - start;
			}
		}
	}

	private static List<ArticleIngested> read(Path pile, int limit) throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		List<ArticleIngested> articles = new ArrayList<>();
		Instant now = Instant.now();
		try (BufferedReader lines = Files.newBufferedReader(pile)) {
			String line;
			while ((line = lines.readLine()) != null && articles.size() < limit) {
				JsonNode document = json.readTree(line);
				articles.add(new ArticleIngested(document.path("id").asString(), null,
						document.path("source").asString("pile"), document.path("title").asString(""),
						document.path("text").asString(""), null, now, null));
			}
		}
		return articles;
	}

	private static long usedHeapAfterGc() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
	}

	private static String peakResident() throws IOException {
		Path status = Path.of("/proc/self/status");
		if (!Files.exists(status)) {
			return "unknown";
		}
		return Files.readAllLines(status)
			.stream()
			.filter((line) -> line.startsWith("VmHWM:"))
			.map((line) -> line.substring(6).strip())
			.findFirst()
			.orElse("unknown");
	}

}
