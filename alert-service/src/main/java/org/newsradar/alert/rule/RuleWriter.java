package org.newsradar.alert.rule;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Saves rules for the API: checks them, keeps the secrets of webhooks the rule had
 * before, and answers with what may be shown.
 */
@Component
class RuleWriter {

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");

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
		if (rule.id() == null || !ID.matcher(rule.id()).matches()) {
			throw new InvalidRuleException(List.of(new RuleValidator.FieldError("id",
					"'" + rule.id() + "' must be 1 to 100 letters, digits, dots, dashes or underscores")));
		}
		WatchRule previous = this.store.findCurrent(rule.id()).orElse(null);
		WatchRule sent = rule.withSecretsOf(previous);
		WatchRule checked = this.validator.check(sent);
		this.store.save(checked);
		return new Saved(checked.shownAfterSaving(sent), previous == null);
	}

	/**
	 * Checks and saves each of many rules on its own: an invalid rule is reported and
	 * skipped, the others are saved; each rule is saved whole or not at all.
	 * @param rules the rules as sent; one without an id gets a new one
	 * @return what became of each, in order
	 */
	Bulk saveAll(List<WatchRule> rules) {
		List<Bulk.Item> items = new ArrayList<>(rules.size());
		for (int i = 0; i < rules.size(); i++) {
			WatchRule rule = rules.get(i);
			if (rule == null) {
				items.add(new Bulk.Item(i, null, Bulk.INVALID, null,
						List.of(new RuleValidator.FieldError("rule", "must be a JSON object"))));
				continue;
			}
			WatchRule withId = (rule.id() != null) ? rule : rule.withId(UUID.randomUUID().toString());
			try {
				Saved saved = save(withId);
				items.add(new Bulk.Item(i, withId.id(), saved.created() ? Bulk.CREATED : Bulk.REPLACED, saved.shown(),
						null));
			}
			catch (InvalidRuleException ex) {
				items.add(new Bulk.Item(i, withId.id(), Bulk.INVALID, null, ex.errors()));
			}
		}
		return new Bulk(count(items, Bulk.CREATED), count(items, Bulk.REPLACED), count(items, Bulk.INVALID), items);
	}

	private static int count(List<Bulk.Item> items, String status) {
		return (int) items.stream().filter((item) -> item.status().equals(status)).count();
	}

	/**
	 * What became of the rules of one bulk request.
	 *
	 * @param created how many were new
	 * @param replaced how many replaced a rule of the same id
	 * @param invalid how many were refused (nothing of them was saved)
	 * @param results each rule's outcome, in request order
	 */
	record Bulk(int created, int replaced, int invalid, List<Item> results) {

		static final String CREATED = "created";

		static final String REPLACED = "replaced";

		static final String INVALID = "invalid";

		/**
		 * One rule's outcome.
		 *
		 * @param index its position in the request
		 * @param id its id
		 * @param status {@code created}, {@code replaced} or {@code invalid}
		 * @param rule the rule as saved and shown (webhook secrets made for it shown
		 * once), unless invalid
		 * @param errors what was wrong with it, if invalid
		 */
		record Item(int index, String id, String status, WatchRule rule, List<RuleValidator.FieldError> errors) {

		}

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
