/**
 * Elasticsearch: the 8.19 client configured under {@code newsradar.elasticsearch}, the
 * {@code articles} index template and write alias created at start-up (with the text
 * analysis the cluster actually offers), and bulk indexing through {@code BulkIngester}
 * with a result for every document.
 */
package org.newsradar.enrich.index;
