/**
 * RSS and Atom feeds: registered through {@code /api/feeds} or configuration
 * ({@code newsradar.ingest.feeds}), kept in the compacted topics {@code feeds} and
 * {@code feeds.state}, polled politely (through {@code fetch}) by the instance that owns
 * each one, their new items followed to the article page when the feed carries only a
 * summary, and published like any other article.
 */
package org.newsradar.ingest.feed;
