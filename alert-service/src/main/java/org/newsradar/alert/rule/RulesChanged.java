package org.newsradar.alert.rule;

import java.util.List;

/**
 * Rules were saved or deleted, here or by another instance: published by
 * {@link RuleStore} after its own map changed, so listeners see the same rules.
 *
 * @param saved rules created or replaced
 * @param deleted ids of rules removed
 */
public record RulesChanged(List<WatchRule> saved, List<String> deleted) {

}
