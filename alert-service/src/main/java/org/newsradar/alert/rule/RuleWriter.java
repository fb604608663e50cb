package org.newsradar.alert.rule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
		Checked checked = check(rule, this.store.findCurrent(rule.id()).orElse(null));
		this.store.save(checked.rule());
		return checked.saved();
	}

	/**
	 * Checks and saves each of many rules on its own: an invalid rule is reported and
	 * skipped, the others are saved together (one round trip to Kafka for them all); each
	 * rule is saved whole or not at all.
	 * @param rules the rules as sent; one without an id gets a new one
	 * @return what became of each, in order
	 */
	Bulk saveAll(List<WatchRule> rules) {
		this.store.current();
		Bulk.Item[] items = new Bulk.Item[rules.size()];
		List<Integer> positions = new ArrayList<>();
		List<Checked> valid = new ArrayList<>();
		// A rule sent twice in one request replaces its first version.
		Map<String, WatchRule> sentBefore = new HashMap<>();
		for (int i = 0; i < rules.size(); i++) {
			WatchRule rule = rules.get(i);
			if (rule == null) {
				items[i] = new Bulk.Item(i, null, Bulk.INVALID, null,
						List.of(new RuleValidator.FieldError("rule", "must be a JSON object")));
				continue;
			}
			WatchRule withId = (rule.id() != null) ? rule : rule.withId(UUID.randomUUID().toString());
			try {
				WatchRule previous = sentBefore.getOrDefault(withId.id(), this.store.find(withId.id()).orElse(null));
				Checked checked = check(withId, previous);
				sentBefore.put(withId.id(), checked.rule());
				positions.add(i);
				valid.add(checked);
			}
			catch (InvalidRuleException ex) {
				items[i] = new Bulk.Item(i, withId.id(), Bulk.INVALID, null, ex.errors());
			}
		}
		Map<Integer, String> failed = this.store.saveAll(valid.stream().map(Checked::rule).toList());
		for (int j = 0; j < valid.size(); j++) {
			int i = positions.get(j);
			Saved saved = valid.get(j).saved();
			String id = saved.shown().id();
			items[i] = failed.containsKey(j)
					? new Bulk.Item(i, id, Bulk.FAILED, null,
							List.of(new RuleValidator.FieldError("rule", failed.get(j))))
					: new Bulk.Item(i, id, saved.created() ? Bulk.CREATED : Bulk.REPLACED, saved.shown(), null);
		}
		List<Bulk.Item> results = List.of(items);
		return new Bulk(count(results, Bulk.CREATED), count(results, Bulk.REPLACED), count(results, Bulk.INVALID),
				count(results, Bulk.FAILED), results);
	}

	/**
	 * A rule checked: its id, its query and channels, with the secrets of the webhooks
	 * the rule had before.
	 * @throws InvalidRuleException when it is not valid
	 */
	private Checked check(WatchRule rule, WatchRule previous) {
		if (rule.id() == null || !ID.matcher(rule.id()).matches()) {
			throw new InvalidRuleException(List.of(new RuleValidator.FieldError("id",
					"'" + rule.id() + "' must be 1 to 100 letters, digits, dots, dashes or underscores")));
		}
		WatchRule sent = rule.withSecretsOf(previous);
		WatchRule checked = this.validator.check(sent);
		return new Checked(checked, new Saved(checked.shownAfterSaving(sent), previous == null));
	}

	/** A valid rule as it is saved, and what the answer shows of it. */
	private record Checked(WatchRule rule, Saved saved) {

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
	 * @param failed how many were valid but Kafka did not store them (nothing of them was
	 * saved; send them again)
	 * @param results each rule's outcome, in request order
	 */
	record Bulk(int created, int replaced, int invalid, int failed, List<Item> results) {

		static final String CREATED = "created";

		static final String REPLACED = "replaced";

		static final String INVALID = "invalid";

		static final String FAILED = "failed";

		/**
		 * One rule's outcome.
		 *
		 * @param index its position in the request
		 * @param id its id
		 * @param status {@code created}, {@code replaced}, {@code invalid} or
		 * {@code failed}
		 * @param rule the rule as saved and shown (webhook secrets made for it shown
		 * once), unless invalid or failed
		 * @param errors what was wrong with it, if invalid, or why it was not stored, if
		 * failed
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
