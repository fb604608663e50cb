/**
 * alert-service: the application, its settings under {@code newsradar.alert}, and the
 * topics it owns ({@code watch-rules}, {@code alerts}, {@code articles.enriched-dlt},
 * {@code alerts-dlt}). Rules, matching, raised alerts and their delivery live in the
 * sub-packages.
 */
package org.newsradar.alert;
