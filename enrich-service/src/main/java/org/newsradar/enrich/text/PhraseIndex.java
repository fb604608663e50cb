package org.newsradar.enrich.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A dictionary of phrases, each with a value, found in a token stream: at each position
 * the longest phrase that matches wins and matching resumes after it, so "South Korea" is
 * not also "Korea". A phrase token ending in {@code *} matches any token with that
 * prefix; a case-sensitive phrase is compared with the tokens as written.
 *
 * @param <V> what a phrase stands for
 */
public final class PhraseIndex<V> {

	private final Map<String, List<Entry<V>>> byFirstToken = new HashMap<>();

	/** Phrases whose first word is a prefix, by the prefix's first three letters. */
	private final Map<String, List<Entry<V>>> byFirstPrefix = new HashMap<>();

	/**
	 * The first tokens of {@link #byFirstToken}, to pass over most tokens without a
	 * probe.
	 */
	private final HashBits firstTokens = new HashBits();

	/** The first prefixes of {@link #byFirstPrefix}. */
	private final HashBits firstPrefixes = new HashBits();

	/** A first word that is a prefix needs this many letters before its {@code *}. */
	static final int MIN_PREFIX = Tokens.PREFIX;

	/**
	 * Adds a phrase.
	 * @param phrase words separated by spaces or punctuation; a trailing {@code *} on a
	 * word makes it a prefix
	 * @param caseSensitive whether the phrase must match as written
	 * @param value what the phrase stands for
	 */
	public void add(String phrase, boolean caseSensitive, V value) {
		List<String> words = new ArrayList<>();
		for (String word : Tokens.words(phrase)) {
			words.add(caseSensitive ? word : Tokens.fold(word));
		}
		if (words.isEmpty()) {
			throw new IllegalArgumentException("empty phrase");
		}
		Entry<V> entry = Entry.of(words, caseSensitive, value);
		if (entry.prefix[0]) {
			if (entry.words[0].length() < MIN_PREFIX) {
				throw new IllegalArgumentException("a prefix needs at least " + MIN_PREFIX + " letters: " + phrase);
			}
			String prefix = Tokens.fold(entry.words[0].substring(0, MIN_PREFIX));
			this.byFirstPrefix.computeIfAbsent(prefix, (key) -> new ArrayList<>()).add(entry);
			this.firstPrefixes.add(prefix, this.byFirstPrefix.keySet());
		}
		else {
			String first = caseSensitive ? Tokens.fold(entry.words[0]) : entry.words[0];
			this.byFirstToken.computeIfAbsent(first, (key) -> new ArrayList<>()).add(entry);
			this.firstTokens.add(first, this.byFirstToken.keySet());
		}
	}

	/**
	 * Adds a phrase as the data files write it: {@code =NATO} matches only as written,
	 * anything else case- and accent-insensitively.
	 * @param spelling the phrase, with its optional {@code =} mark
	 * @param value what the phrase stands for
	 */
	public void add(String spelling, V value) {
		add(unmarked(spelling), spelling.startsWith("="), value);
	}

	/** A data file's spelling without its {@code =} mark. */
	public static String unmarked(String spelling) {
		return spelling.startsWith("=") ? spelling.substring(1) : spelling;
	}

	/** Every non-overlapping match, longest first at each position, in text order. */
	public List<Match<V>> find(Tokens tokens) {
		List<Match<V>> matches = new ArrayList<>();
		int i = 0;
		while (i < tokens.size()) {
			Entry<V> best = longest(this.byFirstToken, this.firstTokens, tokens.folded()[i], tokens, i, null);
			best = longest(this.byFirstPrefix, this.firstPrefixes, tokens.prefixes()[i], tokens, i, best);
			if (best == null) {
				i++;
			}
			else {
				matches.add(new Match<>(i, best.words.length, best.value, best.phrase));
				i += best.words.length;
			}
		}
		return matches;
	}

	/**
	 * The longest phrase filed under {@code key} that matches at {@code start}, if longer
	 * than {@code best}; else {@code best}.
	 */
	private static <V> Entry<V> longest(Map<String, List<Entry<V>>> byKey, HashBits keys, String key, Tokens tokens,
			int start, Entry<V> best) {
		if (key == null || !keys.mayContain(key)) {
			return best;
		}
		for (Entry<V> candidate : byKey.getOrDefault(key, List.of())) {
			if ((best == null || candidate.words.length > best.words.length) && candidate.matches(tokens, start)) {
				best = candidate;
			}
		}
		return best;
	}

	/**
	 * A bit per hash code of a set of strings, at least eight bits per string: a clear
	 * bit says the string is not in the set for the price of one read of a small array (a
	 * token's hash code is computed once and cached by {@link String}), where most tokens
	 * of a text would otherwise probe a map of thousands of entries for nothing, in each
	 * of the thirty dictionaries.
	 */
	private static final class HashBits {

		private long[] bits = new long[1];

		void add(String key, Set<String> all) {
			if (all.size() * 8L > this.bits.length * 64L) {
				this.bits = new long[Integer.highestOneBit(all.size() * 8 / 64) * 2];
				all.forEach(this::set);
			}
			else {
				set(key);
			}
		}

		boolean mayContain(String key) {
			int bit = mix(key.hashCode()) & (this.bits.length * 64 - 1);
			return (this.bits[bit >>> 6] & (1L << bit)) != 0;
		}

		private void set(String key) {
			int bit = mix(key.hashCode()) & (this.bits.length * 64 - 1);
			this.bits[bit >>> 6] |= 1L << bit;
		}

		/** Spreads the high bits of a hash code into the low ones the mask keeps. */
		private static int mix(int hash) {
			return hash ^ (hash >>> 16) ^ (hash >>> 8);
		}

	}

	/**
	 * A phrase found in a text.
	 *
	 * @param start index of the first token
	 * @param length number of tokens
	 * @param value what the phrase stands for
	 * @param phrase the phrase as it was added (folded unless case-sensitive)
	 */
	public record Match<V>(int start, int length, V value, String phrase) {

	}

	/**
	 * A phrase: its words (without the {@code *} of a prefix), which of them are
	 * prefixes, and the phrase as added.
	 */
	private record Entry<V>(String[] words, boolean[] prefix, boolean caseSensitive, V value, String phrase) {

		static <V> Entry<V> of(List<String> words, boolean caseSensitive, V value) {
			String[] stems = new String[words.size()];
			boolean[] prefix = new boolean[words.size()];
			for (int j = 0; j < stems.length; j++) {
				String word = words.get(j);
				prefix[j] = word.endsWith("*");
				stems[j] = prefix[j] ? word.substring(0, word.length() - 1) : word;
			}
			return new Entry<>(stems, prefix, caseSensitive, value, String.join(" ", words));
		}

		boolean matches(Tokens tokens, int start) {
			if (start + this.words.length > tokens.size()) {
				return false;
			}
			String[] stream = this.caseSensitive ? tokens.original() : tokens.folded();
			for (int j = 0; j < this.words.length; j++) {
				String token = stream[start + j];
				boolean ok = this.prefix[j] ? token.startsWith(this.words[j]) : token.equals(this.words[j]);
				if (!ok) {
					return false;
				}
			}
			return true;
		}

	}

}
