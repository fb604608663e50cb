/**
 * What every service does the same for its operators: health probes, Prometheus metrics,
 * ECS JSON logs and W3C trace context across HTTP and Kafka (as defaults, in
 * {@code newsradar-operations.properties}), and API keys on the HTTP API.
 */
package org.newsradar.operations;
