package org.newsradar.alert.raised;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.newsradar.events.AlertRaised;
import org.newsradar.events.ArticleEnriched;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An alert as kept in the Elasticsearch {@code alerts} index and returned by
 * {@code GET /api/alerts}: the fields of the alert as raised, and beside them every
 * article of the story that matched the rule since (the first one included), and whether
 * the alert went out on the {@code alerts} topic.
 *
 * @param alert the alert as raised
 * @param articles the story's articles that matched, in the order they came
 * @param updatedAt when the last article was attached
 * @param published whether the alert is on the {@code alerts} topic
 */
public record AlertDocument(AlertRaised alert, List<AttachedArticle> articles, Instant updatedAt, boolean published) {

	static AlertDocument raised(AlertRaised alert, ArticleEnriched article) {
		return new AlertDocument(alert, List.of(AttachedArticle.of(article, alert.matchedAt())), alert.matchedAt(),
				false);
	}

	static AlertDocument fromJson(JsonNode json, JsonMapper mapper) {
		List<AttachedArticle> articles = new ArrayList<>();
		json.path("articles").forEach((article) -> articles.add(mapper.treeToValue(article, AttachedArticle.class)));
		JsonNode updatedAt = json.path("updated_at");
		return new AlertDocument(mapper.treeToValue(json, AlertRaised.class), articles,
				updatedAt.isMissingNode() ? null : mapper.treeToValue(updatedAt, Instant.class),
				json.path("published").asBoolean(false));
	}

	ObjectNode toJson(JsonMapper mapper) {
		ObjectNode json = mapper.valueToTree(this.alert);
		json.set("articles", mapper.valueToTree(this.articles));
		json.put("article_count", this.articles.size());
		json.set("updated_at", mapper.valueToTree(this.updatedAt));
		json.put("published", this.published);
		return json;
	}

	boolean has(String articleId) {
		return this.articles.stream().anyMatch((article) -> article.articleId().equals(articleId));
	}

	AlertDocument attach(ArticleEnriched article, Instant now) {
		List<AttachedArticle> more = new ArrayList<>(this.articles);
		more.add(AttachedArticle.of(article, now));
		return new AlertDocument(this.alert, more, now, this.published);
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
	 * @param attachedAt when it matched
	 */
	public record AttachedArticle(String articleId, String title, String url, String source, String language,
			Instant publishedAt, Instant attachedAt) {

		static AttachedArticle of(ArticleEnriched article, Instant at) {
			return new AttachedArticle(article.id(), article.title(), article.url(), article.source(),
					article.language(), article.publishedAt(), at);
		}

	}

}
