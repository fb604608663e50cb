/**
 * alert-service: the application, its settings under {@code newsradar.alert}, and the
 * topics it owns ({@code watch-rules}, {@code alerts}, {@code articles.enriched-dlt}).
 * Rules and matching live in the sub-packages.
 */
package org.newsradar.alert;
