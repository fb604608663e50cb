package org.newsradar.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newsradar.alert.matching.RuleMatcher;
import org.newsradar.alert.rule.WatchRule;
import org.newsradar.events.ArticleEnriched;
import org.newsradar.events.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole pipeline measured from outside, through the public APIs of the stack that
 * {@code ./newsradar up} runs: generated watch rules, each about one real article of the
 * file ({@link RuleGenerator#generateSpecific}), are saved through the bulk endpoint,
 * articles of a JSONL file (the evaluation pile by default) are posted to ingest-service
 * as fast as it takes them, and the services' own counters say when each stage is done.
 * Then an open-loop run posts further articles at a fixed rate and times, for each
 * article that raises an alert, the moment a consumer of {@code alerts} receives it.
 * Every process's CPU time and resident memory come from {@code /proc}. Two baselines
 * close the run: the same enriched documents sent to Elasticsearch with raw
 * {@code _bulk}, and the same rules matched against the same articles on one thread in
 * this process.
 * <p>
 * Each run uses rules and article addresses of its own (the rules of an earlier run are
 * deleted first), so the alerts are raised again; the two phases take different articles
 * of the file, since an article of a story that already alerted a rule raises nothing
 * new.
 * <p>
 * Arguments:
 * {@code [--articles N] [--rules R] [--rate A] [--seconds S] [--warm-up W] [FILE]}; the
 * environment gives the run directory of pid files ({@code NEWSRADAR_RUN}) and the API
 * key ({@code NEWSRADAR_API_KEY}), if any.
 */
public final class PipelineBenchmark {

	private static final String INGEST = "http://localhost:8081";

	private static final String ENRICH = "http://localhost:8082";

	private static final String ALERTS = "http://localhost:8083";

	private static final int BATCH = 250;

	/**
	 * Articles (from the end of the file) put through the pipeline before anything is
	 * measured, unless {@code --warm-up} says otherwise: a service just started loads
	 * language models and compiles code. At most a tenth of the file.
	 */
	private static final int WARM_UP = 2000;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String run = Long.toString(System.currentTimeMillis(), 36);

	private final StackProcesses processes = new StackProcesses(
			Path.of(System.getenv().getOrDefault("NEWSRADAR_RUN", ".newsradar/run")));

	private final String apiKey = System.getenv("NEWSRADAR_API_KEY");

	private final Map<String, String> table = new LinkedHashMap<>();

	private PipelineBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		Path file = Path.of("../shared/eval/pile/news_pile.jsonl");
		for (int i = 0; i < args.length; i++) {
			if (args[i].startsWith("--") && i + 1 < args.length) {
				options.put(args[i].substring(2), args[++i]);
			}
			else {
				file = Path.of(args[i]);
			}
		}
		int articles = Integer.parseInt(options.getOrDefault("articles", "10000"));
		int rules = Integer.parseInt(options.getOrDefault("rules", "1000"));
		int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
		Integer rate = options.containsKey("rate") ? Integer.valueOf(options.get("rate")) : null;
		Integer warmUp = options.containsKey("warm-up") ? Integer.valueOf(options.get("warm-up")) : null;
		new PipelineBenchmark().measure(file, articles, rules, rate, seconds, warmUp);
		System.exit(0);
	}

	private void measure(Path file, int articleCount, int ruleCount, Integer fixedRate, int seconds,
			Integer warmUpCount) throws Exception {
		List<ArticleEnriched> pile = Pile.read(file, Integer.MAX_VALUE);
		int warmUp = (warmUpCount != null) ? warmUpCount : Math.min(WARM_UP, pile.size() / 10);
		if (warmUp < 0 || pile.size() <= articleCount + warmUp) {
			throw new IllegalArgumentException(file + " has " + pile.size() + " articles; the warm-up takes " + warmUp
					+ ", the throughput phase " + articleCount + ", and the latency phase needs more after them");
		}
		List<ArticleEnriched> throughputArticles = pile.subList(0, articleCount);
		List<WatchRule> rules = new RuleGenerator(pile).generateSpecific(ruleCount);
		saveRules(rules, ruleCount);

		warmUp(pile.subList(pile.size() - warmUp, pile.size()));
		double measured = throughput(throughputArticles);
		int rate = (fixedRate != null) ? fixedRate : Math.max(1, (int) (measured / 2));
		List<ArticleEnriched> rest = pile.subList(articleCount, pile.size() - warmUp);
		latency(rest.subList(0, Math.min(rest.size(), rate * seconds)), rate);
		bulkBaseline();
		matchingBaseline(rules, throughputArticles);

		System.out.printf("%nNewsRadar pipeline benchmark, %s, %d articles of %s, %d rules%n", Instant.now(),
				articleCount, file.getFileName(), ruleCount);
		System.out.println("| what | figure |");
		System.out.println("|---|---|");
		this.table.forEach((what, figure) -> System.out.printf("| %s | %s |%n", what, figure));
	}

	/** Deletes the rules of earlier runs, then saves these through the bulk endpoint. */
	private void saveRules(List<WatchRule> generated, int count) throws Exception {
		List<CompletableFuture<HttpResponse<String>>> deletes = new ArrayList<>();
		for (JsonNode rule : json.readTree(send("GET", ALERTS + "/api/rules", null).body())) {
			String id = rule.get("id").asString();
			if (id.startsWith("bench-")) {
				deletes.add(http.sendAsync(request("DELETE", ALERTS + "/api/rules/" + id, null),
						HttpResponse.BodyHandlers.ofString()));
				if (deletes.size() % 32 == 0) {
					CompletableFuture.allOf(deletes.toArray(CompletableFuture[]::new)).join();
				}
			}
		}
		CompletableFuture.allOf(deletes.toArray(CompletableFuture[]::new)).join();
		ArrayNode rules = json.createArrayNode();
		for (WatchRule rule : generated) {
			ObjectNode node = rules.addObject();
			node.put("id", "bench-" + this.run + "-" + rule.id().substring("bench-".length()));
			node.put("name", rule.name());
			if (rule.query() != null) {
				node.put("query", rule.query());
			}
			if (rule.countries() != null) {
				rule.countries().forEach(node.putArray("countries")::add);
			}
			if (rule.languages() != null) {
				rule.languages().forEach(node.putArray("languages")::add);
			}
		}
		long start = System.nanoTime();
		int saved = 0;
		for (int from = 0; from < rules.size(); from += 1000) {
			ArrayNode chunk = json.createArrayNode();
			for (int i = from; i < Math.min(rules.size(), from + 1000); i++) {
				chunk.add(rules.get(i));
			}
			HttpResponse<String> answer = send("POST", ALERTS + "/api/rules/bulk", json.writeValueAsString(chunk));
			JsonNode outcome = json.readTree(answer.body());
			if (answer.statusCode() != 200 || outcome.path("invalid").asInt() > 0) {
				throw new IllegalStateException("Saving rules failed: " + answer.statusCode() + " "
						+ answer.body().substring(0, Math.min(500, answer.body().length())));
			}
			saved += outcome.path("created").asInt() + outcome.path("replaced").asInt();
		}
		double took = (System.nanoTime() - start) / 1e9;
		this.table.put("rules saved through `POST /api/rules/bulk` (" + deletes.size() + " of an earlier run deleted)",
				String.format(Locale.ROOT, "%d in %.1f s: %.0f rules/s", saved, took, saved / took));
		System.out.printf("%d rules saved in %.1f s%n", saved, took);
	}

	private void warmUp(List<ArticleEnriched> articles) throws Exception {
		long start = System.nanoTime();
		double before = counter(ALERTS, "newsradar.articles.matched");
		double published = postAll(articles, "w");
		awaitMatched(before + published, start);
		double seconds = (System.nanoTime() - start) / 1e9;
		this.table.put("warm-up, not measured further (" + articles.size() + " articles from the end of the file)",
				String.format(Locale.ROOT, "%.1f s: %.0f articles/s", seconds, articles.size() / seconds));
		System.out.printf("warmed up with %d articles in %.1f s%n", articles.size(), seconds);
	}

	/** Posts articles in batches, two requests in flight; how many were published. */
	private double postAll(List<ArticleEnriched> articles, String phase) throws Exception {
		double before = counter(INGEST, "newsradar.articles.ingested");
		List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
		for (int from = 0; from < articles.size(); from += BATCH) {
			inFlight.add(post(articles.subList(from, Math.min(articles.size(), from + BATCH)), phase));
			if (inFlight.size() == 2) {
				check(inFlight.remove(0).join());
			}
		}
		inFlight.forEach((posted) -> check(posted.join()));
		return counter(INGEST, "newsradar.articles.ingested") - before;
	}

	private void awaitMatched(double target, long start) throws Exception {
		while (counter(ALERTS, "newsradar.articles.matched") < target) {
			Thread.sleep(250);
			if ((System.nanoTime() - start) / 1e9 > 1800) {
				throw new IllegalStateException("Not all articles matched after 30 minutes");
			}
		}
	}

	/**
	 * Posts the articles as fast as ingest-service takes them (two requests in flight)
	 * and waits until alert-service has matched every one that was published.
	 * @return the end-to-end rate, articles a second
	 */
	private double throughput(List<ArticleEnriched> articles) throws Exception {
		double enrichedBefore = counter(ENRICH, "newsradar.articles.enriched");
		double matchedBefore = counter(ALERTS, "newsradar.articles.matched");
		double alertsBefore = counter(ALERTS, "newsradar.alerts.raised");
		Map<String, Double> cpuBefore = this.processes.cpuSeconds();
		Sampler sampler = new Sampler(List.of(stage(ENRICH, "newsradar.articles.enriched", enrichedBefore),
				stage(ALERTS, "newsradar.articles.matched", matchedBefore)));
		Thread sampling = Thread.ofPlatform().name("sampler").start(sampler);

		long start = System.nanoTime();
		double published = postAll(articles, "t");
		double postSeconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("%d articles posted in %.1f s; waiting for alert-service to match them%n", articles.size(),
				postSeconds);
		awaitMatched(matchedBefore + published, start);
		double seconds = (System.nanoTime() - start) / 1e9;
		sampler.stop();
		sampling.join();
		Map<String, Double> cpuAfter = this.processes.cpuSeconds();
		double alerts = counter(ALERTS, "newsradar.alerts.raised") - alertsBefore;

		double rate = articles.size() / seconds;
		this.table.put("end to end, first post to last article matched",
				String.format(Locale.ROOT, "%.0f articles/s (%d articles in %.1f s; %.2f alerts per article)", rate,
						articles.size(), seconds, alerts / articles.size()));
		this.table.put("ingest-service took them (202 answers)",
				String.format(Locale.ROOT, "%.0f articles/s", articles.size() / postSeconds));
		for (Stage stage : sampler.stages) {
			this.table.put(stage.name() + " stage, first to last article", stage.rate());
		}
		Map<String, Double> used = new LinkedHashMap<>();
		cpuAfter.forEach((process, after) -> {
			if (cpuBefore.containsKey(process)) {
				used.put(process, after - cpuBefore.get(process));
			}
		});
		double cpuTotal = used.values().stream().mapToDouble(Double::doubleValue).sum();
		StringBuilder shares = new StringBuilder();
		used.forEach((process, cpuSeconds) -> shares.append(String.format(Locale.ROOT, "%s %.0f%% (%.2f ms/article), ",
				process, 100 * cpuSeconds / cpuTotal, 1000 * cpuSeconds / articles.size())));
		this.table.put("CPU time by process", shares.substring(0, Math.max(0, shares.length() - 2)));
		double bound = articles.size() / cpuTotal;
		int cores = Runtime.getRuntime().availableProcessors();
		this.table.put("shared-CPU bound, 1 / (CPU s per article, all processes)",
				String.format(Locale.ROOT,
						"%.0f articles/s on one core, %.0f on %d; the pipeline reaches %.2f of %d cores", bound,
						bound * cores, cores, rate / (bound * cores), cores));
		this.table.put("resident memory, highest sampled", sampler.rss());
		return rate;
	}

	/**
	 * Posts articles at a fixed rate, in batches of ten whatever the answers take (open
	 * loop), and times each article from its post to its first alert on {@code alerts}.
	 */
	private void latency(List<ArticleEnriched> articles, int rate) throws Exception {
		Map<String, Long> postedAt = new ConcurrentHashMap<>();
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		AtomicBoolean running = new AtomicBoolean(true);
		try (KafkaConsumer<String, String> alerts = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:9092", ConsumerConfig.GROUP_ID_CONFIG,
						"pipeline-benchmark-" + this.run, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
				new StringDeserializer(), new StringDeserializer())) {
			alerts.subscribe(List.of(Topics.ALERTS));
			while (alerts.assignment().isEmpty()) {
				alerts.poll(Duration.ofMillis(100));
			}
			alerts.assignment().forEach(alerts::position);
			Thread receiver = Thread.ofPlatform().name("alerts").start(() -> {
				while (running.get()) {
					for (ConsumerRecord<String, String> record : alerts.poll(Duration.ofMillis(20))) {
						long received = System.currentTimeMillis();
						Long posted = postedAt.remove(json.readTree(record.value()).path("url").asString(""));
						if (posted != null) {
							latencies.add(received - posted);
						}
					}
				}
			});
			int perPost = 10;
			long interval = 1_000_000_000L * perPost / rate;
			long start = System.nanoTime();
			List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
			for (int from = 0, i = 0; from < articles.size(); from += perPost, i++) {
				LockSupport.parkNanos(start + i * interval - System.nanoTime());
				List<ArticleEnriched> batch = articles.subList(from, Math.min(articles.size(), from + perPost));
				long now = System.currentTimeMillis();
				batch.forEach((article) -> postedAt.put(url(article, "l"), now));
				posts.add(post(batch, "l"));
			}
			posts.forEach((posted) -> check(posted.join()));
			double seconds = (System.nanoTime() - start) / 1e9;
			Thread.sleep(Duration.ofSeconds(15));
			running.set(false);
			receiver.join();
			List<Long> sorted = new ArrayList<>(latencies);
			Collections.sort(sorted);
			String figure = sorted.isEmpty() ? "no alert raised"
					: String.format(Locale.ROOT, "p50 %d ms, p90 %d ms, p99 %d ms, max %d ms (%d articles alerted)",
							percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99), sorted.getLast(),
							sorted.size());
			this.table.put(String.format(Locale.ROOT,
					"post to first alert, open loop at %d articles/s (%d articles in %.0f s)", rate, articles.size(),
					seconds), figure);
			System.out.println("latency: " + figure);
		}
	}

	/**
	 * The same enriched documents, read back from the articles index, sent to a scratch
	 * index with {@code _bulk} (1,000 a request, one at a time): what Elasticsearch alone
	 * takes on this machine.
	 */
	private void bulkBaseline() throws Exception {
		String elasticsearch = "http://localhost:9200";
		JsonNode hits = json
			.readTree(send("POST", elasticsearch + "/articles/_search",
					"{\"size\":10000,\"query\":{\"prefix\":{\"url\":\"https://bench.newsradar.invalid/" + this.run
							+ "/t/\"}}}")
				.body())
			.path("hits")
			.path("hits");
		String index = "bench-bulk-" + this.run;
		List<String> bodies = new ArrayList<>();
		StringBuilder body = new StringBuilder();
		int count = 0;
		for (JsonNode hit : hits) {
			body.append("{\"index\":{\"_index\":\"")
				.append(index)
				.append("\"}}\n")
				.append(json.writeValueAsString(hit.get("_source")))
				.append('\n');
			if (++count % 1000 == 0) {
				bodies.add(body.toString());
				body.setLength(0);
			}
		}
		if (!body.isEmpty()) {
			bodies.add(body.toString());
		}
		long start = System.nanoTime();
		for (String request : bodies) {
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/_bulk"))
				.header("Content-Type", "application/x-ndjson")
				.POST(HttpRequest.BodyPublishers.ofString(request))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != 200) {
				throw new IllegalStateException("_bulk answered " + answer.statusCode());
			}
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		http.send(HttpRequest.newBuilder(URI.create(elasticsearch + "/" + index)).DELETE().build(),
				HttpResponse.BodyHandlers.discarding());
		this.table.put("baseline: raw `_bulk` of " + count + " of the same enriched documents",
				String.format(Locale.ROOT, "%.0f docs/s", count / seconds));
	}

	/**
	 * The same rules matched against the same articles in this process, on one thread, by
	 * the matcher alert-service runs, in batches as it matches them (the articles'
	 * countries from a plain stand-in, see {@link Pile}): what matching alone costs.
	 */
	private void matchingBaseline(List<WatchRule> rules, List<ArticleEnriched> articles) throws Exception {
		MatchingBenchmark.Result result = MatchingBenchmark.measure(rules, articles, RuleMatcher.presearcher(),
				MatchingBenchmark.SERVICE_BATCH, 20);
		this.table.put("baseline: matching alone, the same rules and articles, one thread in this process",
				String.format(Locale.ROOT, "%.0f articles/s (%d articles, %.2f matches per article)", result.rate(),
						result.articles(), result.matchesPerArticle()));
	}

	private CompletableFuture<HttpResponse<String>> post(List<ArticleEnriched> articles, String phase) {
		ArrayNode batch = json.createArrayNode();
		for (ArticleEnriched article : articles) {
			ObjectNode node = batch.addObject();
			node.put("url", url(article, phase));
			node.put("title", article.title());
			node.put("body", article.body());
			if (article.source() != null) {
				node.put("source", article.source());
			}
			if (article.publishedAt() != null) {
				node.put("published_at", article.publishedAt().toString());
			}
		}
		return http.sendAsync(request("POST", INGEST + "/api/articles", json.writeValueAsString(batch)),
				HttpResponse.BodyHandlers.ofString());
	}

	/** An address of this run's own, so that no earlier run's article is a duplicate. */
	private String url(ArticleEnriched article, String phase) {
		return "https://bench.newsradar.invalid/" + this.run + "/" + phase + "/" + article.id();
	}

	private static void check(HttpResponse<String> answer) {
		if (answer.statusCode() != 202) {
			throw new IllegalStateException("ingest-service answered " + answer.statusCode() + ": " + answer.body());
		}
	}

	private HttpResponse<String> send(String method, String url, String body) throws IOException, InterruptedException {
		return http.send(request(method, url, body), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest request(String method, String url, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofMinutes(2))
			.header("Content-Type", "application/json")
			.method(method,
					(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (this.apiKey != null && !this.apiKey.isBlank()) {
			request.header("Authorization", "Bearer " + this.apiKey);
		}
		return request.build();
	}

	/**
	 * A counter of a service, summed over its tags: {@code /actuator/metrics/<name>}
	 * looks up that one meter, where a Prometheus scrape, even of one metric, collects
	 * every meter (11 % of alert-service's CPU at six scrapes a second in a profile of
	 * 2026-12-01). 0 before the counter first moved.
	 */
	private double counter(String service, String meter) throws IOException, InterruptedException {
		HttpResponse<String> answer = send("GET", service + "/actuator/metrics/" + meter, null);
		if (answer.statusCode() == 404) {
			return 0;
		}
		if (answer.statusCode() != 200) {
			throw new IOException(service + "/actuator/metrics/" + meter + " answered " + answer.statusCode());
		}
		for (JsonNode measurement : json.readTree(answer.body()).path("measurements")) {
			if ("COUNT".equals(measurement.path("statistic").asString(""))) {
				return measurement.path("value").asDouble();
			}
		}
		throw new IOException(meter + " of " + service + " has no count: " + answer.body());
	}

	private Stage stage(String service, String counter, double before) {
		String name = service.equals(ENRICH) ? "enrich-service (enriched, indexed, published)"
				: "alert-service (matched, alerts raised)";
		return new Stage(name, service, counter, before);
	}

	/**
	 * One stage's counter as sampled: when it first and last moved.
	 */
	private static final class Stage {

		private final String name;

		private final String service;

		private final String counter;

		private final double before;

		private double last;

		private long firstMoved;

		private long lastMoved;

		Stage(String name, String service, String counter, double before) {
			this.name = name;
			this.service = service;
			this.counter = counter;
			this.before = before;
			this.last = before;
		}

		String name() {
			return this.name;
		}

		void sample(double value, long now) {
			if (value > this.last) {
				if (this.firstMoved == 0) {
					this.firstMoved = now;
				}
				this.lastMoved = now;
				this.last = value;
			}
		}

		String rate() {
			double seconds = (this.lastMoved - this.firstMoved) / 1e9;
			return (seconds <= 0) ? "too fast to sample"
					: String.format(Locale.ROOT, "%.0f articles/s (%.0f in %.1f s)",
							(this.last - this.before) / seconds, this.last - this.before, seconds);
		}

	}

	/** Samples the stages' counters and the processes' memory every 500 ms. */
	private final class Sampler implements Runnable {

		private final List<Stage> stages;

		private final Map<String, Long> rssKb = new ConcurrentHashMap<>();

		private volatile boolean running = true;

		Sampler(List<Stage> stages) {
			this.stages = stages;
		}

		@Override
		public void run() {
			while (this.running) {
				try {
					for (Stage stage : this.stages) {
						stage.sample(counter(stage.service, stage.counter), System.nanoTime());
					}
					PipelineBenchmark.this.processes.residentKb()
						.forEach((process, kb) -> this.rssKb.merge(process, kb, Math::max));
					Thread.sleep(500);
				}
				catch (InterruptedException ex) {
					return;
				}
				catch (IOException ex) {
					// a missed sample
				}
			}
		}

		void stop() {
			this.running = false;
		}

		String rss() {
			StringBuilder text = new StringBuilder();
			for (String process : StackProcesses.NAMES) {
				Long kb = this.rssKb.get(process);
				if (kb != null) {
					text.append(String.format(Locale.ROOT, "%s %.0f MB, ", process, kb / 1024.0));
				}
			}
			return text.isEmpty() ? "no pid files in " + PipelineBenchmark.this.processes.pids()
					: text.substring(0, text.length() - 2);
		}

	}

	private static long percentile(List<Long> sorted, int percent) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
	}

}
