/**
 * The console's page of feeds: what ingest-service polls, read and changed through its
 * {@code /api/feeds}.
 */
package org.newsradar.alert.feed;
