/**
 * ingest-service: the application, its settings under {@code newsradar.ingest}, and the
 * topic it owns ({@code articles.raw}). The features live in the sub-packages.
 */
package org.newsradar.ingest;
