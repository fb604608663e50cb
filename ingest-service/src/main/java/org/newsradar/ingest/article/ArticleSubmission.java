package org.newsradar.ingest.article;

import java.time.Instant;

/**
 * One article as a client submits it.
 *
 * @param url where it lives, optional
 * @param source the outlet, optional
 * @param title the headline; title or body is required
 * @param body the text; title or body is required
 * @param publishedAt when it was published, optional
 * @param language an ISO 639-1 hint, optional
 */
public record ArticleSubmission(String url, String source, String title, String body, Instant publishedAt,
		String language) {

}
