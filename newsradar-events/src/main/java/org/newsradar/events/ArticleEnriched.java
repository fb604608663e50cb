package org.newsradar.events;

import java.time.Instant;
import java.util.List;

/**
 * An article with its tags: the document indexed into Elasticsearch {@code articles} and
 * published on {@link Topics#ARTICLES_ENRICHED}.
 *
 * @param id stable article id
 * @param url where the article lives, or {@code null}
 * @param source the outlet, or {@code null}
 * @param title the headline
 * @param body the article text with page furniture removed
 * @param publishedAt when the outlet published it, or {@code null}
 * @param ingestedAt when NewsRadar took it in
 * @param enrichedAt when the tags were computed
 * @param language ISO 639-1 code
 * @param countries ISO 3166-1 alpha-2 codes the article is about or meaningfully mentions
 * @param topics taxonomy ids
 * @param topicEvidence for each topic, the terms that fired
 * @param persons canonical names of people
 * @param organizations canonical names of organisations
 * @param quotes direct and reported quotes
 * @param statement the official statement the article reports, or {@code null}
 * @param storyId the story this article belongs to, shared across outlets and languages
 */
public record ArticleEnriched(String id, String url, String source, String title, String body, Instant publishedAt,
		Instant ingestedAt, Instant enrichedAt, String language, List<String> countries, List<String> topics,
		List<TopicEvidence> topicEvidence, List<String> persons, List<String> organizations, List<Quote> quotes,
		Statement statement, String storyId) {

	/**
	 * Why a topic was assigned.
	 *
	 * @param topic the taxonomy id
	 * @param score the summed weight of the terms that fired, each occurrence weighted by
	 * where it stands
	 * @param terms the terms that fired
	 * @param hits each term and part ({@code title}, {@code lead}, {@code body}) it fired
	 * in, with how often
	 */
	public record TopicEvidence(String topic, double score, List<String> terms, List<Hit> hits) {

		/**
		 * Where a term fired.
		 *
		 * @param term the term as written in the taxonomy
		 * @param part {@code title}, {@code lead} (the body's first sentences) or
		 * {@code body}
		 * @param count how often it fired there
		 */
		public record Hit(String term, String part, int count) {

		}

	}

	/**
	 * A direct or reported quote.
	 *
	 * @param speaker who said it
	 * @param speakerCountry ISO code of the speaker's country, or {@code null}
	 * @param text what was said
	 */
	public record Quote(String speaker, String speakerCountry, String text) {

	}

	/**
	 * An official statement the article reports.
	 *
	 * @param type one of {@code joint_statement}, {@code ministry_statement},
	 * {@code speech}, {@code press_conference}, {@code interview}, {@code op_ed},
	 * {@code other}
	 * @param by ISO codes of the countries that made it
	 */
	public record Statement(String type, List<String> by) {

	}

}
