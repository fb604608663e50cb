/**
 * Seed files: plain-text articles whose first non-blank line is the title and the rest
 * the body ({@code article.SeedFormat}), as in the project's {@code seeds/} directory. A
 * directory of them can be loaded when the service starts
 * ({@code newsradar.ingest.seed-directory}); loading twice publishes nothing new.
 */
package org.newsradar.ingest.seed;
