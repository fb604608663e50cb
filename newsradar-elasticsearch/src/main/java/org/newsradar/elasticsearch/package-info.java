/**
 * What every service does the same with Elasticsearch: one 8.19 client configured from
 * {@code newsradar.elasticsearch.*} (Spring Boot 4 only configures the 9.x client), and
 * {@link org.newsradar.elasticsearch.IndexSetup}, which creates an index template and its
 * read/write alias at start-up with the text analysis the cluster offers.
 */
package org.newsradar.elasticsearch;
