package org.newsradar.events;

import java.time.Instant;

/**
 * An article as it came in, before any tagging. Published on {@link Topics#ARTICLES_RAW}.
 *
 * @param id stable article id, see {@link ArticleIds}
 * @param url where the article lives, or {@code null}
 * @param source the outlet or feed, or {@code null}
 * @param title the headline, may be empty when the body is not
 * @param body the text as received, page furniture included
 * @param publishedAt when the outlet published it, or {@code null} when unknown
 * @param ingestedAt when NewsRadar took it in
 * @param language an ISO 639-1 hint from the source, or {@code null}
 */
public record ArticleIngested(String id, String url, String source, String title, String body, Instant publishedAt,
		Instant ingestedAt, String language) {

}
