package org.newsradar.enrich.pipeline;

import java.time.Clock;
import java.util.List;

import org.newsradar.events.ArticleEnriched;
import org.newsradar.events.ArticleIngested;

/**
 * Runs every {@link Tagger} in order over an article and returns the enriched document
 * (the order: {@code org.newsradar.enrich.Enrichment}).
 */
public class EnrichmentPipeline {

	private final List<Tagger> taggers;

	private final Clock clock;

	public EnrichmentPipeline(List<Tagger> taggers, Clock clock) {
		this.taggers = List.copyOf(taggers);
		this.clock = clock;
	}

	/** The taggers, in the order they run. */
	public List<Tagger> taggers() {
		return this.taggers;
	}

	public ArticleEnriched enrich(ArticleIngested article) {
		return enriched(draft(article));
	}

	/** The article with every tagger's work on it, before it becomes a document. */
	public ArticleDraft draft(ArticleIngested article) {
		ArticleDraft draft = new ArticleDraft(article);
		for (Tagger tagger : this.taggers) {
			tagger.tag(draft);
		}
		return draft;
	}

	/** The enriched document of a draft. */
	public ArticleEnriched enriched(ArticleDraft draft) {
		ArticleIngested article = draft.received();
		return new ArticleEnriched(article.id(), article.url(), article.source(), draft.title(), draft.body(),
				article.publishedAt(), article.ingestedAt(), this.clock.instant(), draft.language(),
				List.copyOf(draft.countries()), List.copyOf(draft.topics().keySet()),
				List.copyOf(draft.topics().values()), List.copyOf(draft.persons()), List.copyOf(draft.organizations()),
				List.copyOf(draft.quotes()), draft.statement(), draft.storyId());
	}

}
