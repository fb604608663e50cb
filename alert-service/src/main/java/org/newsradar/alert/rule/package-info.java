/**
 * Watch rules: the {@code /api/rules} endpoints, one-call subscriptions
 * ({@code /api/subscriptions}), validation with errors that name the field (against the
 * topic taxonomy, ISO codes, query cost), and the store. Rules live in the compacted
 * {@code watch-rules} topic; every instance reads the whole topic at start and follows
 * it, so rules survive restarts and instances agree. The console's pages of rules live
 * here too ({@link org.newsradar.alert.rule.RuleConsoleController}).
 */
package org.newsradar.alert.rule;
