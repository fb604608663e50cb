/**
 * The enrichment pipeline: an ordered list of small {@link Tagger}s, each reading and
 * adding to one {@link ArticleDraft}. A tagger can be replaced without touching the
 * others; the order is written once, in {@code org.newsradar.enrich.Enrichment}: cleaning
 * first, then language, then what depends on it.
 */
package org.newsradar.enrich.pipeline;
