package org.newsradar.alert.raised;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.newsradar.events.AlertRaised;
import org.newsradar.events.ArticleEnriched;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An alert as kept in the Elasticsearch {@code alerts} index and returned by
 * {@code GET /api/alerts}: the fields of the alert as raised, and beside them every
 * article of the story that matched the rule since (the first one included).
 *
 * @param alert the alert as raised
 * @param articles the story's articles that matched, in the order they came
 * @param updatedAt when the last article was attached
 * @param readAt when an analyst marked it read, or {@code null} while it is unread (an
 * article attached since makes it unread again)
 */
public record AlertDocument(AlertRaised alert, List<AttachedArticle> articles, Instant updatedAt, Instant readAt) {

	static AlertDocument raised(AlertRaised alert, ArticleEnriched article) {
		return new AlertDocument(alert, List.of(AttachedArticle.of(article, alert.matchedAt())), alert.matchedAt(),
				null);
	}

	static AlertDocument fromJson(JsonNode json, JsonMapper mapper) {
		List<AttachedArticle> articles = new ArrayList<>();
		json.path("articles").forEach((article) -> articles.add(mapper.treeToValue(article, AttachedArticle.class)));
		return new AlertDocument(mapper.treeToValue(json, AlertRaised.class), articles,
				instant(json.path("updated_at"), mapper), instant(json.path("read_at"), mapper));
	}

	private static Instant instant(JsonNode value, JsonMapper mapper) {
		return (value.isMissingNode() || value.isNull()) ? null : mapper.treeToValue(value, Instant.class);
	}

	ObjectNode toJson(JsonMapper mapper) {
		ObjectNode json = mapper.valueToTree(this.alert);
		json.set("articles", mapper.valueToTree(this.articles));
		json.put("article_count", this.articles.size());
		json.set("updated_at", mapper.valueToTree(this.updatedAt));
		json.set("read_at", mapper.valueToTree(this.readAt));
		return json;
	}

	boolean has(String articleId) {
		return this.articles.stream().anyMatch((article) -> article.articleId().equals(articleId));
	}

	/**
	 * Whether this article, in this version, raised the alert: the same record read again
	 * after a crash, as opposed to the article updated and enriched anew.
	 */
	boolean raisedBy(ArticleEnriched article) {
		AttachedArticle first = this.articles.get(0);
		return first.articleId().equals(article.id()) && Objects.equals(first.enrichedAt(), article.enrichedAt());
	}

	AlertDocument attach(ArticleEnriched article, Instant now) {
		List<AttachedArticle> more = new ArrayList<>(this.articles);
		more.add(AttachedArticle.of(article, now));
		return new AlertDocument(this.alert, more, now, null);
	}

	/**
	 * An article of the alert's story.
	 *
	 * @param articleId its id
	 * @param title its headline
	 * @param url its address
	 * @param source its outlet
	 * @param language its language
	 * @param publishedAt when it was published
	 * @param enrichedAt which version of it matched
	 * @param attachedAt when it matched
	 */
	public record AttachedArticle(String articleId, String title, String url, String source, String language,
			Instant publishedAt, Instant enrichedAt, Instant attachedAt) {

		static AttachedArticle of(ArticleEnriched article, Instant at) {
			return new AttachedArticle(article.id(), article.title(), article.url(), article.source(),
					article.language(), article.publishedAt(), article.enrichedAt(), at);
		}

	}

}
