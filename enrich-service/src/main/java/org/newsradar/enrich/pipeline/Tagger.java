package org.newsradar.enrich.pipeline;

/**
 * One step of the enrichment: reads what earlier steps found and adds its own tags.
 */
public interface Tagger {

	void tag(ArticleDraft article);

}
