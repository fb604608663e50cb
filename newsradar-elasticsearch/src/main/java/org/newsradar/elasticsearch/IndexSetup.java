package org.newsradar.elasticsearch;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.PutIndexTemplateRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Creates an index template and the read/write alias over its first index
 * ({@code <alias>-000001}) when they are missing, waiting for Elasticsearch at start-up.
 * What is asked for while the application starts is done in this bean's lifecycle phase,
 * once the web server is up and before the Kafka listeners start: while Elasticsearch is
 * away the service answers its probes, liveness UP and readiness DOWN, and consumes
 * nothing. The template's text analysis is chosen by asking the cluster what it has: the
 * full distribution folds accents ({@code newsradar_text} with {@code asciifolding}), the
 * minimal node falls back to lowercasing.
 */
public class IndexSetup implements SmartLifecycle {

	/**
	 * After the web server has started (its phase is {@code Integer.MAX_VALUE - 2048}).
	 */
	static final int PHASE = Integer.MAX_VALUE - 1536;

	/**
	 * The read/write alias of the articles index: enrich-service writes it, alert-service
	 * previews rules against it, Kibana searches it.
	 */
	public static final String ARTICLES = "articles";

	/**
	 * The object whose fields hold an article's text once more per language, analysed
	 * with that language's analyzer where the cluster has one.
	 */
	static final String LANGUAGE_FIELDS = "text";

	private static final String LANGUAGE_ANALYZER_PREFIX = "newsradar_text_";

	private static final Logger logger = LoggerFactory.getLogger(IndexSetup.class);

	private static final Duration FIRST_RETRY = Duration.ofSeconds(1);

	private static final Duration LAST_RETRY = Duration.ofSeconds(30);

	private final ElasticsearchClient client;

	private final JsonMapper json;

	private final ApplicationEventPublisher events;

	/** What was asked for before {@link #start()}. */
	private final List<Runnable> pending = new ArrayList<>();

	private boolean running;

	IndexSetup(ElasticsearchClient client, JsonMapper json, ApplicationEventPublisher events) {
		this.client = client;
		this.json = json;
		this.events = events;
	}

	@Override
	public void start() {
		List<Runnable> asked;
		synchronized (this) {
			asked = List.copyOf(this.pending);
			this.pending.clear();
			this.running = true;
		}
		asked.forEach(Runnable::run);
	}

	@Override
	public synchronized void stop() {
		this.running = false;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

	/**
	 * Puts the template (named like the alias) and creates the alias (at once, or in this
	 * bean's phase when asked during start-up), waiting for Elasticsearch as long as it
	 * takes: retries back off from 1 s to 30 s, and a line is logged every 30 s or so
	 * while it does not answer. (A service that gave up after a while would stay down
	 * once Elasticsearch was back, with nothing to restart it.)
	 * @param alias the read/write alias, e.g. {@code articles}
	 * @param template an index template whose {@code index_patterns} cover
	 * {@code <alias>-*}; its {@code settings.analysis} is filled in here
	 */
	public void ensure(String alias, Resource template) {
		synchronized (this) {
			if (!this.running) {
				this.pending.add(() -> ensureNow(alias, template));
				return;
			}
		}
		ensureNow(alias, template);
	}

	private void ensureNow(String alias, Resource template) {
		Instant start = Instant.now();
		Instant nextLog = start;
		boolean waiting = false;
		Duration wait = FIRST_RETRY;
		while (true) {
			try {
				createIfMissing(alias, template);
				return;
			}
			catch (IOException ex) {
				Instant now = Instant.now();
				if (!waiting) {
					// Alive and waiting: the liveness probe says so while readiness stays
					// DOWN.
					waiting = true;
					AvailabilityChangeEvent.publish(this.events, this, LivenessState.CORRECT);
				}
				if (!now.isBefore(nextLog)) {
					logger.warn(
							"Waiting for Elasticsearch (newsradar.elasticsearch.uris) to set up '{}', {} s so far: {}",
							alias, Duration.between(start, now).toSeconds(), ex.getMessage());
					nextLog = now.plus(LAST_RETRY);
				}
				try {
					Thread.sleep(wait);
				}
				catch (InterruptedException interrupted) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("Interrupted while waiting for Elasticsearch", interrupted);
				}
				wait = (wait.compareTo(LAST_RETRY.dividedBy(2)) < 0) ? wait.multipliedBy(2) : LAST_RETRY;
			}
		}
	}

	/** Creates the {@code articles} template and alias when missing. */
	public void ensureArticles() {
		ensure(ARTICLES, new ClassPathResource("articles-template.json", IndexSetup.class));
	}

	private void createIfMissing(String alias, Resource templateResource) throws IOException {
		String analysis = hasAsciiFolding() ? "full" : "minimal";
		ObjectNode template = completeTemplate(readJson(templateResource),
				readJson(new ClassPathResource("analysis-" + analysis + ".json", IndexSetup.class)));
		this.client.indices()
			.putIndexTemplate(PutIndexTemplateRequest.of((request) -> request.name(alias)
				.withJson(new StringReader(this.json.writeValueAsString(template)))));
		if (this.client.indices().existsAlias((request) -> request.name(alias)).value()) {
			addNewFields(alias, template.get("template").get("mappings"));
			refreshAsTheTemplateSays(alias, template.get("template").get("settings"));
		}
		else {
			try {
				this.client.indices()
					.create((request) -> request.index(alias + "-000001")
						.aliases(alias, (settings) -> settings.isWriteIndex(true)));
			}
			catch (ElasticsearchException ex) {
				if (!"resource_already_exists_exception".equals(ex.error().type())) {
					throw ex;
				}
			}
		}
		logger.info("Index alias '{}' ready, {} text analysis", alias, analysis);
	}

	/**
	 * The template as put: the analysis section, and for every language analyzer
	 * ({@code newsradar_text_<language>}) a field {@code text.<language>} searched with
	 * it, when the template has a {@code text} object.
	 * @param template the template resource's content
	 * @param analysis the analysis section for this cluster
	 * @return the template, completed in place
	 */
	static ObjectNode completeTemplate(JsonNode template, JsonNode analysis) {
		ObjectNode body = (ObjectNode) template.get("template");
		((ObjectNode) body.get("settings")).set("analysis", analysis);
		JsonNode text = body.path("mappings").path("properties").path(LANGUAGE_FIELDS);
		if (text instanceof ObjectNode textObject) {
			ObjectNode languages = textObject.putObject("properties");
			for (String analyzer : analysis.path("analyzer").propertyNames()) {
				if (analyzer.startsWith(LANGUAGE_ANALYZER_PREFIX)) {
					languages.putObject(analyzer.substring(LANGUAGE_ANALYZER_PREFIX.length()))
						.put("type", "text")
						.put("analyzer", analyzer);
				}
			}
		}
		return (ObjectNode) template;
	}

	/**
	 * Fields added to the template since the alias's indices were created are added to
	 * them too (new fields only: Elasticsearch refuses to change a mapped one).
	 */
	private void addNewFields(String alias, JsonNode mappings) throws IOException {
		ObjectNode additions = this.json.createObjectNode();
		additions.set("properties", mappings.get("properties"));
		if (mappings.has("dynamic_templates")) {
			additions.set("dynamic_templates", mappings.get("dynamic_templates"));
		}
		try {
			this.client.indices()
				.putMapping((request) -> request.index(alias)
					.withJson(new StringReader(this.json.writeValueAsString(additions))));
		}
		catch (ElasticsearchException ex) {
			logger.warn("The indices behind '{}' keep their mapping; new template fields apply from the next index: {}",
					alias, ex.getMessage());
		}
	}

	/**
	 * The indices behind the alias refresh as often as the template says, whatever it
	 * said when they were created.
	 */
	private void refreshAsTheTemplateSays(String alias, JsonNode settings) throws IOException {
		JsonNode interval = settings.path("refresh_interval");
		if (interval.isString()) {
			this.client.indices()
				.putSettings((request) -> request.index(alias)
					.settings((index) -> index.refreshInterval((time) -> time.time(interval.asString()))));
		}
	}

	private boolean hasAsciiFolding() throws IOException {
		try {
			this.client.indices()
				.analyze((request) -> request.tokenizer((t) -> t.name("standard"))
					.filter((f) -> f.name("asciifolding"))
					.text("Taïwan"));
			return true;
		}
		catch (ElasticsearchException ex) {
			return false;
		}
	}

	private JsonNode readJson(Resource resource) {
		try (InputStream in = resource.getInputStream()) {
			return this.json.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + resource.getDescription(), ex);
		}
	}

}
