package org.newsradar.enrich.index;

import org.newsradar.events.ArticleEnriched;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code articles} document of an enriched article: the article as on Kafka, and
 * <ul>
 * <li>{@code published_at} set to the time NewsRadar took the article in when the source
 * gave no date ({@code published_at_estimated: true}), so that searches and dashboards
 * timed on {@code published_at} show every article;</li>
 * <li>{@code text.<language>}: title and body once more under the article's language,
 * where the cluster analyses them with that language's analyzer (a search for "statement"
 * finds "statements"). The index keeps it out of {@code _source}.</li>
 * </ul>
 */
final class ArticleDocument {

	private ArticleDocument() {
	}

	static ObjectNode of(ArticleEnriched article, JsonMapper json) {
		ObjectNode document = json.valueToTree(article);
		if (article.publishedAt() == null && article.ingestedAt() != null) {
			document.put("published_at", article.ingestedAt().toString());
			document.put("published_at_estimated", true);
		}
		if (article.language() != null) {
			document.putObject("text").put(article.language(), article.title() + "\n\n" + article.body());
		}
		return document;
	}

}
