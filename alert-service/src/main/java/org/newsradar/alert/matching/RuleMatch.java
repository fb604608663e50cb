package org.newsradar.alert.matching;

import org.newsradar.alert.rule.WatchRule;
import org.newsradar.events.AlertRaised;

/**
 * A rule an article matched, and why.
 *
 * @param rule the rule
 * @param snippet a passage of the body around the first hit, hits in {@code <em>}
 * @param match the query's words found and the filter values that held
 */
public record RuleMatch(WatchRule rule, String snippet, AlertRaised.Match match) {

}
