package org.newsradar.enrich.story;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
import org.junit.jupiter.api.Test;
import org.newsradar.elasticsearch.IndexSetup;
import org.newsradar.enrich.Articles;
import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.enrich.pipeline.EnrichmentPipeline;
import org.newsradar.enrich.Enrichment;
import org.newsradar.enrich.language.LanguageTagger;
import org.newsradar.enrich.text.EnrichData;
import org.newsradar.engines.TestEngines;
import org.newsradar.events.ArticleIds;
import org.newsradar.events.ArticleIngested;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import org.newsradar.elasticsearch.ElasticsearchAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story memory in a real Elasticsearch node, with each "instance" of enrich-service
 * played by a pipeline with a story tagger and a memory of its own.
 */
@SpringBootTest(classes = StoryMemoryIT.Engines.class)
class StoryMemoryIT {

	@DynamicPropertySource
	static void engines(DynamicPropertyRegistry registry) {
		TestEngines.registerElasticsearch(registry);
	}

	@Autowired
	ElasticsearchClient client;

	@Autowired
	IndexSetup setup;

	@Autowired
	LanguageTagger language;

	@Test
	void anInstanceStartedAfterTheFirstVersionWasRecordedPutsTheSecondInItsStory() throws IOException {
		List<ArticleIngested> pair = Articles.storyPair();
		Instance before = new Instance();
		ArticleDraft english = before.enrich(pair.get(0));
		Instance after = new Instance();
		ArticleDraft french = after.enrich(pair.get(1));
		ArticleDraft other = after.enrich(pair.get(2));
		assertThat(french.storyId()).isEqualTo(english.storyId()).isEqualTo(pair.get(0).id());
		assertThat(other.storyId()).isEqualTo(pair.get(2).id());
	}

	@Test
	void twoInstancesTaggingTwoVersionsAtTheSameMomentEndInOneStory() throws IOException {
		List<ArticleIngested> pair = Articles.storyPair();
		Instance first = new Instance();
		Instance second = new Instance();
		ArticleDraft english = first.tag(pair.get(0));
		ArticleDraft french = second.tag(pair.get(1));
		assertThat(french.storyId()).as("neither saw the other").isEqualTo(pair.get(1).id());
		first.record(english);
		second.record(french);
		assertThat(french.storyId()).isEqualTo(english.storyId()).isEqualTo(pair.get(0).id());
		assertThat(storedStory(pair.get(1).id())).isEqualTo(pair.get(0).id());
		// Whoever reads the memory next sees one story.
		Instance third = new Instance();
		third.memory.catchUp();
		assertThat(third.tagger.remembered(pair.get(1).id()).storyId()).isEqualTo(pair.get(0).id());
	}

	@Test
	void theEarlierWriteWinsWhicheverInstanceRecordsIt() throws IOException {
		List<ArticleIngested> pair = Articles.storyPair();
		Instance first = new Instance();
		Instance second = new Instance();
		ArticleDraft english = first.tag(pair.get(0));
		ArticleDraft french = second.tag(pair.get(1));
		second.record(french);
		first.record(english);
		assertThat(english.storyId()).isEqualTo(french.storyId()).isEqualTo(pair.get(1).id());
		assertThat(storedStory(pair.get(0).id())).isEqualTo(pair.get(1).id());
	}

	@Test
	void twoBatchesTaggedAtTheSameMomentWithTheVersionsCrossedEndInOneStoryEach() throws IOException {
		String run = " " + UUID.randomUUID().toString().substring(0, 6);
		List<ArticleIngested> first = pipelineDeal(run);
		List<ArticleIngested> second = cableDeal(run);
		Instance one = new Instance();
		Instance two = new Instance();
		one.memory.catchUp();
		two.memory.catchUp();
		List<ArticleDraft> oneBatch = List.of(one.tag(first.get(1)), one.tag(second.get(0)));
		List<ArticleDraft> twoBatch = List.of(two.tag(second.get(1)), two.tag(first.get(0)));
		two.memory.record(twoBatch);
		one.memory.record(oneBatch);
		assertThat(oneBatch.get(0).storyId()).isEqualTo(twoBatch.get(1).storyId());
		assertThat(oneBatch.get(1).storyId()).isEqualTo(twoBatch.get(0).storyId());
	}

	@Test
	void batchesRecordedByManyThreadsOfOneInstanceAtOnceKeepTheirStories() throws Exception {
		// Three stories in two versions; each thread's batch has one story's English
		// version and the next one's French version.
		String run = " " + UUID.randomUUID().toString().substring(0, 6);
		List<List<ArticleIngested>> stories = List.of(Articles.storyPair(), pipelineDeal(run), cableDeal(run));
		Instance instance = new Instance();
		instance.memory.catchUp();
		List<List<ArticleDraft>> batches = new ArrayList<>();
		for (int thread = 0; thread < stories.size(); thread++) {
			List<ArticleIngested> next = stories.get((thread + 1) % stories.size());
			batches.add(List.of(instance.tag(stories.get(thread).get(0)), instance.tag(next.get(1))));
		}
		CyclicBarrier start = new CyclicBarrier(batches.size());
		try (ExecutorService threads = Executors.newFixedThreadPool(batches.size())) {
			List<Future<?>> recorded = new ArrayList<>();
			for (List<ArticleDraft> batch : batches) {
				recorded.add(threads.submit(() -> {
					start.await();
					instance.memory.record(batch);
					return null;
				}));
			}
			for (Future<?> each : recorded) {
				each.get(60, TimeUnit.SECONDS);
			}
		}
		for (int thread = 0; thread < stories.size(); thread++) {
			List<ArticleDraft> previous = batches.get((thread + stories.size() - 1) % stories.size());
			assertThat(batches.get(thread).get(0).storyId()).as("the English and French versions of one story")
				.isEqualTo(previous.get(1).storyId());
			for (ArticleDraft draft : batches.get(thread)) {
				assertThat(storedStory(draft.received().id())).isEqualTo(draft.storyId());
			}
		}
		assertThat(batches.stream().map((batch) -> batch.get(0).storyId()).distinct()).hasSize(stories.size());
		Instance later = new Instance();
		later.memory.catchUp();
		assertThat(batches.stream().flatMap(List::stream))
			.allSatisfy((draft) -> assertThat(later.tagger.remembered(draft.received().id())).isNotNull());
	}

	@Test
	void whatTheFirstReadLeavesOutIsNotReadLater() throws IOException {
		// An earlier run wrote two articles, a later one two more.
		for (int run = 0; run < 2; run++) {
			List<ArticleIngested> stories = Articles.storyPair();
			Instance writer = new Instance();
			writer.enrich(stories.get(0));
			writer.enrich(stories.get(2));
		}
		StoryMemory small = new StoryMemory(this.client, this.setup, new StoryTagger(), Clock.systemUTC(), 2,
				StoryMemory.FRESH);
		assertThat(small.catchUp()).as("the two newest articles of the window, the later run's").hasSize(2);
		assertThat(small.catchUp()).as("the older ones are not news").isEmpty();
	}

	@Test
	void theReadBeforeABatchIsSparedWhileTheLastReadIsFresh() throws IOException {
		Instance writer = new Instance();
		StoryTagger sparedTagger = new StoryTagger();
		StoryMemory spared = new StoryMemory(this.client, this.setup, sparedTagger, Clock.systemUTC(),
				StoryTagger.CAPACITY, Duration.ofHours(1));
		StoryTagger readingTagger = new StoryTagger();
		StoryMemory reading = new StoryMemory(this.client, this.setup, readingTagger, Clock.systemUTC(),
				StoryTagger.CAPACITY, Duration.ZERO);
		spared.catchUpUnlessBusy();
		reading.catchUpUnlessBusy();
		ArticleDraft written = writer.enrich(Articles.storyPair().get(0));
		spared.catchUpUnlessBusy();
		reading.catchUpUnlessBusy();
		assertThat(sparedTagger.remembered(written.received().id())).as("read less than an hour before").isNull();
		assertThat(readingTagger.remembered(written.received().id())).as("read again").isNotNull();
	}

	@Test
	void documentsWrittenBeforeTheWindowAreDeleted() throws IOException {
		Instant old = Instant.now().minus(StoryTagger.WINDOW).minus(Duration.ofDays(1));
		String oldId = "old-" + UUID.randomUUID();
		this.client.index((index) -> index.index(StoryMemory.ALIAS)
			.id(oldId)
			.document(new StoryDocument(oldId, oldId, old, "en", Set.of("n:4711"), new int[0], null, "an-old-run", 1,
					old)));
		Instance instance = new Instance();
		ArticleDraft recent = instance.enrich(Articles.storyPair().get(0));
		assertThat(instance.memory.forget()).isPositive();
		assertThat(this.client.get((get) -> get.index(StoryMemory.ALIAS).id(oldId), StoryDocument.class).found())
			.isFalse();
		assertThat(storedStory(recent.received().id())).isEqualTo(recent.storyId());
	}

	/** A story in English and French. */
	private static List<ArticleIngested> pipelineDeal(String run) {
		return List.of(
				article("Turkmenistan and Azerbaijan agree on a gas pipeline", "Turkmenistan and Azerbaijan signed an "
						+ "agreement on a gas pipeline covering 1160760 cubic metres of gas, minister Belimorimor said."
						+ " The deal is worth 25569040 dollars." + run),
				article("Le Turkménistan et l'Azerbaïdjan s'accordent sur un gazoduc", "Le Turkménistan et "
						+ "l'Azerbaïdjan ont signé un accord sur un gazoduc portant sur 1160760 mètres cubes de gaz, "
						+ "a déclaré le ministre Belimorimor. L'accord vaut 25569040 dollars." + run));
	}

	/** Another story in English and French. */
	private static List<ArticleIngested> cableDeal(String run) {
		return List.of(
				article("Kenya and Tanzania agree on a fibre cable", "Kenya and Tanzania signed an agreement on a "
						+ "fibre cable covering 2822610 kilometres of cable, minister Zarenkoobek said. The deal is "
						+ "worth 15358049 dollars." + run),
				article("Le Kenya et la Tanzanie s'accordent sur un câble de fibre", "Le Kenya et la Tanzanie ont "
						+ "signé un accord sur un câble de fibre portant sur 2822610 kilomètres de câble, a déclaré le "
						+ "ministre Zarenkoobek. L'accord vaut 15358049 dollars." + run));
	}

	private static ArticleIngested article(String title, String body) {
		Instant now = Instant.now();
		return new ArticleIngested(ArticleIds.of(null, title, body), null, "test", title, body, now, now, null);
	}

	@Test
	void twoStoriesTaggedAtTheSameMomentStayApart() throws IOException {
		List<ArticleIngested> pair = Articles.storyPair();
		Instance first = new Instance();
		Instance second = new Instance();
		ArticleDraft english = first.tag(pair.get(0));
		ArticleDraft other = second.tag(pair.get(2));
		first.record(english);
		second.record(other);
		assertThat(english.storyId()).isEqualTo(pair.get(0).id());
		assertThat(other.storyId()).isEqualTo(pair.get(2).id());
	}

	@Test
	void articlesOfOneBatchFindEachOtherBeforeTheIndexRefreshes() throws IOException {
		List<ArticleIngested> pair = Articles.storyPair();
		Instance instance = new Instance();
		instance.memory.catchUp();
		List<ArticleDraft> batch = List.of(instance.tag(pair.get(0)), instance.tag(pair.get(1)));
		instance.memory.record(batch);
		assertThat(batch).extracting(ArticleDraft::storyId).containsOnly(pair.get(0).id());
	}

	private String storedStory(String articleId) throws IOException {
		GetResponse<StoryDocument> response = this.client.get((get) -> get.index(StoryMemory.ALIAS).id(articleId),
				StoryDocument.class);
		return response.source().storyId();
	}

	/** One enrich-service run: its own tagger, pipeline and memory. */
	private final class Instance {

		final StoryTagger tagger = new StoryTagger();

		final StoryMemory memory = new StoryMemory(StoryMemoryIT.this.client, StoryMemoryIT.this.setup, this.tagger,
				Clock.systemUTC());

		final EnrichmentPipeline pipeline;

		Instance() {
			this.pipeline = Enrichment.pipeline(EnrichData.bundled(), StoryMemoryIT.this.language, this.tagger,
					Clock.systemUTC());
			this.memory.afterPropertiesSet();
		}

		/** Catches up, tags and records one article, as one batch. */
		ArticleDraft enrich(ArticleIngested article) throws IOException {
			this.memory.catchUp();
			ArticleDraft draft = tag(article);
			record(draft);
			return draft;
		}

		ArticleDraft tag(ArticleIngested article) {
			return this.pipeline.draft(article);
		}

		void record(ArticleDraft draft) throws IOException {
			this.memory.record(List.of(draft));
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ JacksonAutoConfiguration.class, ElasticsearchAutoConfiguration.class })
	@Import(Enrichment.class)
	static class Engines {

	}

}
