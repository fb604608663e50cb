/**
 * enrich-service: the application, its settings under {@code newsradar.enrich}, and the
 * topics it owns ({@code articles.enriched}, {@code articles.raw-dlt}). The taggers,
 * indexing and the flow live in the sub-packages.
 */
package org.newsradar.enrich;
