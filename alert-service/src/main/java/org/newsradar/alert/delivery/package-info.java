/**
 * Delivering alerts to webhooks (Standard Webhooks signatures) and email: a ledger in the
 * {@code alert-deliveries} index with each delivery's state, attempts on virtual threads
 * limited per destination, retries with exponential backoff that survive restarts, dead
 * letters on {@code alerts-dlt} and in {@code /api/deliveries}, and digests that group a
 * rule's alerts into one message per period.
 */
package org.newsradar.alert.delivery;
