package org.newsradar.enrich.statement;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.newsradar.enrich.text.DataFile;
import org.newsradar.enrich.text.PhraseIndex;
import org.newsradar.enrich.text.Tokens;
import org.newsradar.events.ArticleEnriched.Statement;

import org.springframework.core.io.Resource;

/**
 * The phrases of {@code data/statements.tsv}, one index per kind.
 */
final class StatementCues {

	static final List<String> TYPES = List.of("joint_statement", "ministry_statement", "speech", "press_conference",
			"interview", "op_ed", "other");

	private final PhraseIndex<Integer> cues = new PhraseIndex<>();

	private final List<String> cueTypes = new ArrayList<>();

	private final Map<String, PhraseIndex<Boolean>> others = new HashMap<>();

	/** Officials and bodies; the value is the country the office itself names, or "". */
	private final PhraseIndex<String> actors = new PhraseIndex<>();

	/**
	 * @throws IllegalStateException naming file and line when a line is malformed
	 */
	static StatementCues load(Resource file) {
		StatementCues loaded = new StatementCues();
		for (String kind : List.of("self", "signature", "verb")) {
			loaded.others.put(kind, new PhraseIndex<>());
		}
		for (DataFile.Line line : DataFile.read(file)) {
			String kind = line.columns()[0].strip();
			if (line.columns().length != 3 || line.values(2).isEmpty()) {
				throw line.error("expected a kind, a tab, a value, a tab and phrases separated by |");
			}
			String value = line.columns()[1].strip();
			if (kind.equals("cue") && !TYPES.contains(value)) {
				throw line.error("'" + value + "' is not a statement type; one of " + TYPES);
			}
			if (kind.equals("actor") && !value.equals("-")
					&& !Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2).contains(value)) {
				throw line.error("'" + value + "' is neither - nor an ISO 3166-1 alpha-2 country code");
			}
			if (!kind.equals("cue") && !kind.equals("actor") && !loaded.others.containsKey(kind)) {
				throw line.error("'" + kind + "' is not a kind; one of cue, actor, " + loaded.others.keySet());
			}
			for (String phrase : line.values(2)) {
				if (kind.equals("cue")) {
					loaded.cues.add(phrase, loaded.cueTypes.size());
				}
				else if (kind.equals("actor")) {
					loaded.actors.add(phrase, value.equals("-") ? "" : value);
				}
				else {
					loaded.others.get(kind).add(phrase, Boolean.TRUE);
				}
			}
			if (kind.equals("cue")) {
				loaded.cueTypes.add(value);
			}
		}
		return loaded;
	}

	/**
	 * Cue phrases; the value is the rank of its line (lower wins) and {@link #type} names
	 * it.
	 */
	List<PhraseIndex.Match<Integer>> cues(Tokens tokens) {
		return this.cues.find(tokens);
	}

	String type(int rank) {
		return this.cueTypes.get(rank);
	}

	/**
	 * Officials and bodies in the text; a match's value is the country its office names
	 * ("Kremlin": RU), or "" when the words around it must tell.
	 */
	List<PhraseIndex.Match<String>> actors(Tokens tokens) {
		return this.actors.find(tokens);
	}

	List<PhraseIndex.Match<Boolean>> find(String kind, Tokens tokens) {
		return this.others.get(kind).find(tokens);
	}

	/** A statement without makers is no statement we can file. */
	static Statement statement(String type, List<String> by) {
		return by.isEmpty() ? null : new Statement(type, List.copyOf(by));
	}

}
