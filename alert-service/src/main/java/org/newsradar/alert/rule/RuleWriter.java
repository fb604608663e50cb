package org.newsradar.alert.rule;

import org.springframework.stereotype.Component;

/**
 * Saves rules for the API: checks them, keeps the secrets of webhooks the rule had
 * before, and answers with what may be shown.
 */
@Component
class RuleWriter {

	private final RuleStore store;

	private final RuleValidator validator;

	RuleWriter(RuleStore store, RuleValidator validator) {
		this.store = store;
		this.validator = validator;
	}

	/**
	 * Checks and saves a rule under its id.
	 * @param rule the rule as sent, with its id
	 * @return the rule as shown, and whether it is new
	 * @throws InvalidRuleException when it is not valid
	 */
	Saved save(WatchRule rule) {
		WatchRule previous = this.store.findCurrent(rule.id()).orElse(null);
		WatchRule sent = rule.withSecretsOf(previous);
		WatchRule checked = this.validator.check(sent);
		this.store.save(checked);
		return new Saved(checked.shownAfterSaving(sent), previous == null);
	}

	/**
	 * A saved rule.
	 *
	 * @param shown what the API answers with
	 * @param created whether there was no rule with its id before
	 */
	record Saved(WatchRule shown, boolean created) {

	}

}
