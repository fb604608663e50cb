/**
 * The flow of one batch of {@code articles.raw}: enrich each article, index them all,
 * publish them to {@code articles.enriched}, and only then let the offsets be committed.
 * A record that cannot be read or enriched stops the batch at its position; the error
 * handler commits what came before it, sends it to the dead-letter topic and goes on with
 * the rest.
 */
package org.newsradar.enrich.flow;
