package org.newsradar.bench;

import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newsradar.alert.AlertApplication;
import org.newsradar.alert.rule.RuleStore;
import org.newsradar.alert.rule.WatchRule;
import org.newsradar.engines.TestEngines;
import org.newsradar.events.ArticleEnriched;
import org.newsradar.events.Topics;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Alert latency under a steady load: alert-service runs against a real Kafka broker and
 * Elasticsearch node (started as the tests start them) with generated rules; enriched
 * articles of the pile are published to {@code articles.enriched} at a fixed rate, and
 * for every article that raises an alert the time from its publication to the moment a
 * consumer of {@code alerts} receives the first alert is recorded (an upper bound of the
 * service's own latency: it includes both Kafka hops).
 *
 * <p>
 * Arguments: the pile file, the number of rules (default 10000), articles per second
 * (default 200), seconds (default 60).
 */
public final class LatencyBenchmark {

	private static final AtomicLong ALERTS = new AtomicLong();

	private static final AtomicBoolean RUNNING = new AtomicBoolean(true);

	private LatencyBenchmark() {
	}

	/**
	 * alert-service runs in this JVM, beside enrich-service's classes: its
	 * {@code application.yml} has to be the first on the class path (the module's
	 * dependency order), or it would start with enrich-service's settings.
	 */
	private static void requireAlertServiceConfiguration() {
		URL found = LatencyBenchmark.class.getClassLoader().getResource("application.yml");
		String alertService = AlertApplication.class.getProtectionDomain().getCodeSource().getLocation().getPath();
		if (found == null || !found.getPath().contains(alertService)) {
			throw new IllegalStateException("The first application.yml on the class path is " + found
					+ ", not alert-service's (" + alertService + "); put alert-service first among the dependencies");
		}
	}

	@SuppressWarnings("unchecked")
	public static void main(String[] args) throws Exception {
		Path pile = Path.of((args.length > 0) ? args[0] : "../shared/eval/pile/news_pile.jsonl");
		int ruleCount = (args.length > 1) ? Integer.parseInt(args[1]) : 10_000;
		int rate = (args.length > 2) ? Integer.parseInt(args[2]) : 200;
		int seconds = (args.length > 3) ? Integer.parseInt(args[3]) : 60;
		List<ArticleEnriched> articles = Pile.read(pile, rate * seconds);
		List<WatchRule> rules = new RuleGenerator(articles).generate(ruleCount);

		requireAlertServiceConfiguration();
		TestEngines.createTopics(3, Topics.ARTICLES_ENRICHED);
		try (ConfigurableApplicationContext alertService = new SpringApplicationBuilder(AlertApplication.class).run(
				"--server.port=0", "--spring.kafka.bootstrap-servers=" + TestEngines.kafkaBootstrapServers(),
				"--newsradar.elasticsearch.uris=" + TestEngines.elasticsearchUrl(),
				"--logging.level.newsradar.alerts=warn")) {
			KafkaTemplate<String, Object> kafka = alertService.getBean(KafkaTemplate.class);
			RuleStore store = alertService.getBean(RuleStore.class);
			long loadStart = System.nanoTime();
			for (WatchRule rule : rules) {
				kafka.send(Topics.WATCH_RULES, rule.id(), rule);
			}
			kafka.flush();
			while (store.all().stream().filter((rule) -> rule.id().startsWith("bench-")).count() < ruleCount) {
				Thread.sleep(100);
			}
			System.out.printf("%d rules loaded in %.1f s%n", ruleCount, (System.nanoTime() - loadStart) / 1e9);

			Map<String, Long> sentAt = new ConcurrentHashMap<>();
			List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
			JsonMapper json = alertService.getBean(JsonMapper.class);
			try (Consumer<String, String> alerts = TestEngines.follow(new StringDeserializer(), Topics.ALERTS)) {
				Thread receiver = Thread.ofPlatform().start(() -> receive(alerts, json, sentAt, latencies));
				long start = System.nanoTime();
				long interval = 1_000_000_000L / rate;
				for (int i = 0; i < articles.size(); i++) {
					LockSupport.parkNanos(start + i * interval - System.nanoTime());
					ArticleEnriched article = articles.get(i);
					long now = System.currentTimeMillis();
					sentAt.put(article.id(), now);
					kafka.send(new ProducerRecord<>(Topics.ARTICLES_ENRICHED, null, now, article.id(), article));
				}
				double sendSeconds = (System.nanoTime() - start) / 1e9;
				Thread.sleep(Duration.ofSeconds(10));
				RUNNING.set(false);
				receiver.join();
				report(articles.size(), sendSeconds, ruleCount, latencies);
			}
		}
		System.exit(0);
	}

	private static void receive(Consumer<String, String> alerts, JsonMapper json, Map<String, Long> sentAt,
			List<Long> latencies) {
		while (RUNNING.get()) {
			for (ConsumerRecord<String, String> record : alerts.poll(Duration.ofMillis(50))) {
				long received = System.currentTimeMillis();
				ALERTS.incrementAndGet();
				Long sent = sentAt.remove(json.readTree(record.value()).path("article_id").asString());
				if (sent != null) {
					latencies.add(received - sent);
				}
			}
		}
	}

	private static void report(int sent, double sendSeconds, int rules, List<Long> latencies) {
		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf("%d articles at %.0f/s against %d rules; %d alerts; %d articles raised at least one%n", sent,
				sent / sendSeconds, rules, ALERTS.get(), sorted.size());
		if (!sorted.isEmpty()) {
			System.out.printf("latency articles.enriched -> alerts (ms): p50 %d, p90 %d, p99 %d, max %d%n",
					percentile(sorted, 50), percentile(sorted, 90), percentile(sorted, 99),
					sorted.get(sorted.size() - 1));
		}
	}

	private static long percentile(List<Long> sorted, int percent) {
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
	}

}
