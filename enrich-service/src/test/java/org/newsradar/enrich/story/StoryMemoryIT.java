package org.newsradar.enrich.story;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

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
		List<ArticleIngested> first = List.of(
				article("Turkmenistan and Azerbaijan agree on a gas pipeline", "Turkmenistan and Azerbaijan signed an "
						+ "agreement on a gas pipeline covering 1160760 cubic metres of gas, minister Belimorimor said."
						+ " The deal is worth 25569040 dollars." + run),
				article("Le Turkménistan et l'Azerbaïdjan s'accordent sur un gazoduc", "Le Turkménistan et "
						+ "l'Azerbaïdjan ont signé un accord sur un gazoduc portant sur 1160760 mètres cubes de gaz, "
						+ "a déclaré le ministre Belimorimor. L'accord vaut 25569040 dollars." + run));
		List<ArticleIngested> second = List.of(
				article("Kenya and Tanzania agree on a fibre cable", "Kenya and Tanzania signed an agreement on a "
						+ "fibre cable covering 2822610 kilometres of cable, minister Zarenkoobek said. The deal is "
						+ "worth 15358049 dollars." + run),
				article("Le Kenya et la Tanzanie s'accordent sur un câble de fibre", "Le Kenya et la Tanzanie ont "
						+ "signé un accord sur un câble de fibre portant sur 2822610 kilomètres de câble, a déclaré le "
						+ "ministre Zarenkoobek. L'accord vaut 15358049 dollars." + run));
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

		final StoryMemory memory = new StoryMemory(StoryMemoryIT.this.client, StoryMemoryIT.this.setup, this.tagger);

		final EnrichmentPipeline pipeline;

		Instance() {
			this.pipeline = Enrichment.pipeline(EnrichData.bundled(), StoryMemoryIT.this.language, this.tagger);
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
