/**
 * Matching enriched articles against the rules and raising alerts: one per rule and
 * story, published to {@code alerts} and written to the log in a form a person reads.
 * This first version evaluates each rule against an in-memory Lucene index of the
 * article; the Lucene Monitor with its presearcher replaces the loop when there are many
 * rules.
 */
package org.newsradar.alert.matching;
