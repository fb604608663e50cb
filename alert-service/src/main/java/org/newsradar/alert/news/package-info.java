/**
 * What was published, as the console shows it: a story with every version of it, and the
 * official statements of the last days, read from the {@code articles} index that
 * enrich-service writes.
 */
package org.newsradar.alert.news;
