package org.newsradar.enrich.index;

import org.newsradar.elasticsearch.IndexSetup;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * The {@code articles} index: an index template for {@code articles-*} and the read/write
 * alias {@code articles} over {@code articles-000001}, created at start-up when missing.
 */
@Component
public class ArticleIndex implements InitializingBean {

	public static final String ALIAS = IndexSetup.ARTICLES;

	private final IndexSetup setup;

	public ArticleIndex(IndexSetup setup) {
		this.setup = setup;
	}

	@Override
	public void afterPropertiesSet() {
		this.setup.ensureArticles();
	}

}
