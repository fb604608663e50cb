/**
 * Fetching from other people's sites as a guest should: the address guard, robots.txt,
 * one request per host at a time, time and size limits, redirects checked again. Feeds
 * and the pages their items link to are fetched through {@link PoliteFetcher}.
 */
package org.newsradar.ingest.fetch;
