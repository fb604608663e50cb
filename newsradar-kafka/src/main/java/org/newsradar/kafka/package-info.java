/**
 * The Kafka conventions all NewsRadar services share, auto-configured so a service only
 * adds the topics it owns and the types it reads: JSON values written with the
 * application's snake_case mapper and without Java type headers, CloudEvents binary-mode
 * headers on every event, and one error handler that retries with exponential backoff and
 * sends what can never succeed to {@code <topic>-dlt}.
 */
package org.newsradar.kafka;
