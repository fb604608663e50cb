package org.newsradar.enrich;

import java.time.Clock;
import java.util.List;

import org.newsradar.enrich.country.CountryTagger;
import org.newsradar.enrich.furniture.FurnitureRemover;
import org.newsradar.enrich.language.LanguageTagger;
import org.newsradar.enrich.organization.OrganizationTagger;
import org.newsradar.enrich.person.PersonTagger;
import org.newsradar.enrich.pipeline.EnrichmentPipeline;
import org.newsradar.enrich.statement.QuoteTagger;
import org.newsradar.enrich.statement.StatementTagger;
import org.newsradar.enrich.story.StoryTagger;
import org.newsradar.enrich.text.EnrichData;
import org.newsradar.enrich.topic.TopicTagger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The enrichment pipeline, in the order its taggers run. The service, the evaluation
 * command and the benchmark all build it here, so they run exactly the same thing.
 */
@Configuration(proxyBeanMethods = false)
public class Enrichment {

	private static final Logger logger = LoggerFactory.getLogger(Enrichment.class);

	/**
	 * The taggers, top to bottom. Each reads what the ones before it found.
	 * @param data where the data files come from
	 * @param language the language tagger (shared: the evaluation asks it which languages
	 * it knows)
	 * @param stories the story tagger (shared: the story memory feeds it)
	 * @param clock the time each article is enriched at
	 * @return the pipeline
	 */
	public static EnrichmentPipeline pipeline(EnrichData data, LanguageTagger language, StoryTagger stories,
			Clock clock) {
		return new EnrichmentPipeline(List.of(
				// Page furniture out first (menus, bylines, "read more"): no tagger reads
				// it.
				new FurnitureRemover(data),
				// The language, which the country names, the story features and the index
				// fields depend on.
				language,
				// Countries, people and organisations, each a mention in the text, which
				// statements and quotes attribute by what stands next to what.
				new CountryTagger(data), new PersonTagger(data), new OrganizationTagger(data),
				// Topics from the taxonomy, with their evidence.
				new TopicTagger(data),
				// Quotes and their speakers, then who made the statement the article
				// reports.
				new QuoteTagger(data), new StatementTagger(data),
				// Last, the story: found by the names, numbers, countries, people and
				// topics
				// above.
				stories), clock);
	}

	/**
	 * The pipeline and its taggers alone, without Kafka, Elasticsearch or a web server:
	 * what the evaluation command and the benchmark run. The data directory comes from
	 * the system property or environment variable, as in the service.
	 * @return a context holding them; close it when done
	 */
	public static AnnotationConfigApplicationContext standalone() {
		return new AnnotationConfigApplicationContext(Enrichment.class);
	}

	@Bean
	EnrichData enrichData(Environment environment) {
		EnrichData data = EnrichData.of(environment.getProperty(EnrichData.PROPERTY));
		logger.info("Enrichment data: {}", data);
		return data;
	}

	@Bean
	LanguageTagger languageTagger() {
		return new LanguageTagger();
	}

	@Bean
	StoryTagger storyTagger() {
		return new StoryTagger();
	}

	@Bean
	EnrichmentPipeline enrichmentPipeline(EnrichData data, LanguageTagger language, StoryTagger stories,
			ObjectProvider<Clock> clock) {
		// The service's clock; the evaluation's context, which has none, reads the
		// system's.
		return pipeline(data, language, stories, clock.getIfAvailable(Clock::systemUTC));
	}

}
