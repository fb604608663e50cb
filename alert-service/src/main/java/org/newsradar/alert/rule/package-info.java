/**
 * Watch rules: the {@code /api/rules} endpoints, validation with errors that name the
 * field, and the store. Rules live in the compacted {@code watch-rules} topic; every
 * instance reads the whole topic at start and follows it, so rules survive restarts and
 * instances agree.
 */
package org.newsradar.alert.rule;
