/**
 * Real Kafka and Elasticsearch engines on a machine without Docker. {@link LocalKafka}
 * runs the Apache Kafka broker (KRaft, combined broker and controller) as a child
 * process; {@link LocalElasticsearch} runs the Elasticsearch node Maven unpacked, as an
 * unprivileged user when we are root. {@link EnginesCommand} is what {@code ./newsradar}
 * calls, and {@link TestEngines} is what the tests call: Testcontainers when Docker
 * answers, these local engines (and an in-JVM KRaft broker) otherwise.
 */
package org.newsradar.engines;
