package org.newsradar.enrich.language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import com.github.pemistahl.lingua.api.Language;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A fast scorer for article-length text: Lingua's own trigram models (the probability of
 * a letter given the two before it, per language) inverted into one table from trigram to
 * the languages that have it, so a text costs one lookup per trigram instead of one per
 * trigram and language. On a few hundred letters this is as reliable as Lingua's high
 * accuracy mode and about a hundred times faster; short texts still go to Lingua.
 */
final class TrigramModel {

	/** What a trigram scores in a language that never has it: below any trained value. */
	private static final float UNSEEN = (float) Math.log(1e-5);

	/**
	 * How far ahead, per trigram, the best language must be for the answer to stand;
	 * closer calls (a short headline, a table of figures) go to Lingua's fuller models.
	 */
	private static final double MARGIN = 0.3;

	/** Past this many trigrams the answer no longer changes. */
	private static final int MAX_TRIGRAMS = 600;

	private final String[] languages;

	private final LongIntMap index;

	/**
	 * For trigram i, its languages and log-probabilities sit in [offsets[i],
	 * offsets[i+1]).
	 */
	private final int[] offsets;

	private final short[] languageOf;

	private final float[] gain;

	private TrigramModel(String[] languages, LongIntMap index, int[] offsets, short[] languageOf, float[] gain) {
		this.languages = languages;
		this.index = index;
		this.offsets = offsets;
		this.languageOf = languageOf;
		this.gain = gain;
	}

	/** Loads the trigram models of the given languages from Lingua's jar. */
	static TrigramModel load(Collection<Language> candidates) {
		JsonMapper json = JsonMapper.builder().build();
		List<String> names = new ArrayList<>();
		LongIntMap index = new LongIntMap(1 << 19);
		List<long[]> postings = new ArrayList<>();
		for (Language language : candidates) {
			String code = language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
			String resource = "/language-models/" + code + "/trigrams.json";
			try (InputStream in = Language.class.getResourceAsStream(resource)) {
				if (in == null) {
					continue;
				}
				short id = (short) names.size();
				names.add(code);
				JsonNode ngrams = json.readTree(in).path("ngrams");
				for (var entry : ngrams.properties()) {
					String[] fraction = entry.getKey().split("/");
					float logp = (float) Math.log(Double.parseDouble(fraction[0]) / Double.parseDouble(fraction[1]));
					for (String trigram : entry.getValue().asString().split(" ")) {
						if (trigram.length() == 3) {
							postings.add(new long[] { key(trigram.charAt(0), trigram.charAt(1), trigram.charAt(2)), id,
									Float.floatToIntBits(logp - UNSEEN) });
						}
					}
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Cannot read Lingua's model " + resource, ex);
			}
		}
		postings.sort((a, b) -> Long.compare(a[0], b[0]));
		int[] offsets = new int[postings.size() + 1];
		short[] languageOf = new short[postings.size()];
		float[] gain = new float[postings.size()];
		int trigrams = 0;
		for (int i = 0; i < postings.size(); i++) {
			long[] posting = postings.get(i);
			if (i == 0 || posting[0] != postings.get(i - 1)[0]) {
				offsets[trigrams] = i;
				index.put(posting[0], trigrams++);
			}
			languageOf[i] = (short) posting[1];
			gain[i] = Float.intBitsToFloat((int) posting[2]);
		}
		offsets[trigrams] = postings.size();
		return new TrigramModel(names.toArray(String[]::new), index, Arrays.copyOf(offsets, trigrams + 1), languageOf,
				gain);
	}

	/**
	 * The most likely languages of the text, best first, as ISO 639-1 codes (none when no
	 * trigram of the text is known), and whether the best is clearly ahead.
	 */
	Ranking rank(CharSequence text, int size) {
		float[] score = new float[this.languages.length];
		int seen = 0;
		char a = ' ';
		char b = ' ';
		for (int i = 0; i < text.length() && seen < MAX_TRIGRAMS; i++) {
			char c = text.charAt(i);
			if (!Character.isLetter(c)) {
				a = ' ';
				b = ' ';
				continue;
			}
			c = Character.toLowerCase(c);
			if (a != ' ') {
				int trigram = this.index.get(key(a, b, c));
				if (trigram >= 0) {
					seen++;
					for (int p = this.offsets[trigram]; p < this.offsets[trigram + 1]; p++) {
						score[this.languageOf[p]] += this.gain[p];
					}
				}
			}
			a = b;
			b = c;
		}
		if (seen == 0) {
			return new Ranking(List.of(), false);
		}
		List<String> best = new ArrayList<>(size);
		float[] top = new float[2];
		for (int rank = 0; rank < Math.min(size, score.length); rank++) {
			int max = 0;
			for (int i = 1; i < score.length; i++) {
				if (score[i] > score[max]) {
					max = i;
				}
			}
			best.add(this.languages[max]);
			if (rank < 2) {
				top[rank] = score[max];
			}
			score[max] = Float.NEGATIVE_INFINITY;
		}
		boolean clear = best.size() < 2 || (top[0] - top[1]) / seen >= MARGIN;
		return new Ranking(List.copyOf(best), clear);
	}

	/**
	 * @param best the most likely languages, best first
	 * @param clear whether the first is far enough ahead of the second to stand alone
	 */
	record Ranking(List<String> best, boolean clear) {

	}

	private static long key(char a, char b, char c) {
		return ((long) a << 32) | ((long) b << 16) | c;
	}

	/** Open addressing from a trigram's key to its number; no boxing on the hot path. */
	private static final class LongIntMap {

		private long[] keys;

		private int[] values;

		private int size;

		LongIntMap(int capacity) {
			this.keys = new long[capacity];
			this.values = new int[capacity];
			Arrays.fill(this.keys, -1);
		}

		int get(long key) {
			int mask = this.keys.length - 1;
			for (int slot = slot(key, mask);; slot = (slot + 1) & mask) {
				if (this.keys[slot] == key) {
					return this.values[slot];
				}
				if (this.keys[slot] == -1) {
					return -1;
				}
			}
		}

		void put(long key, int value) {
			if (2 * (this.size + 1) > this.keys.length) {
				grow();
			}
			int mask = this.keys.length - 1;
			int slot = slot(key, mask);
			while (this.keys[slot] != -1 && this.keys[slot] != key) {
				slot = (slot + 1) & mask;
			}
			if (this.keys[slot] == -1) {
				this.size++;
			}
			this.keys[slot] = key;
			this.values[slot] = value;
		}

		private void grow() {
			long[] oldKeys = this.keys;
			int[] oldValues = this.values;
			this.keys = new long[oldKeys.length * 2];
			this.values = new int[oldValues.length * 2];
			Arrays.fill(this.keys, -1);
			this.size = 0;
			for (int i = 0; i < oldKeys.length; i++) {
				if (oldKeys[i] != -1) {
					put(oldKeys[i], oldValues[i]);
				}
			}
		}

		private static int slot(long key, int mask) {
			return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
		}

	}

}
