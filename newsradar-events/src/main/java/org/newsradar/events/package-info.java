/**
 * The contract between the services: the records that travel on Kafka, the topic names,
 * the CloudEvents header names and the rule that turns an article into its stable id.
 * Plain Java with no framework, so every service (and any outside consumer) can depend on
 * it. Records are serialised as JSON with snake_case field names; readers ignore unknown
 * fields, so only additive changes are made here.
 */
package org.newsradar.events;
