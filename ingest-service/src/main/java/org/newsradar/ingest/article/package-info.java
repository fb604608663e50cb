/**
 * Taking articles in: the {@code POST /api/articles} endpoint, the checks an article must
 * pass, its stable id, recognising an article we already published, and publishing to
 * {@code articles.raw}. A batch is checked article by article, so one bad article never
 * costs the valid ones.
 */
package org.newsradar.ingest.article;
