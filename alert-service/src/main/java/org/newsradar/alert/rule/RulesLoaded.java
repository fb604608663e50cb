package org.newsradar.alert.rule;

/**
 * This instance has read {@code watch-rules} to the end it had at start: published once
 * by {@link RuleStore}, after every rule of that history was announced as
 * {@link RulesChanged}. Nothing may be matched before.
 *
 * @param rules how many rules there are
 */
public record RulesLoaded(int rules) {

}
