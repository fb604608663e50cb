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

	/** From a trigram's key to where its postings start and how many there are. */
	private final TrigramTable index;

	/**
	 * Each language that has a trigram, with its log-probability there: the language in
	 * the high 32 bits, the {@link Float#floatToIntBits bits} of the gain in the low 32.
	 * A trigram's postings sit side by side, so a text costs two reads from memory per
	 * trigram (its slot in the table, its postings), not five.
	 */
	private final long[] postings;

	private TrigramModel(String[] languages, TrigramTable index, long[] postings) {
		this.languages = languages;
		this.index = index;
		this.postings = postings;
	}

	/** Loads the trigram models of the given languages from Lingua's jar. */
	static TrigramModel load(Collection<Language> candidates) {
		JsonMapper json = JsonMapper.builder().build();
		List<String> names = new ArrayList<>();
		TrigramTable index = new TrigramTable(1 << 19);
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
		long[] packed = new long[postings.size()];
		int start = 0;
		for (int i = 0; i < postings.size(); i++) {
			long[] posting = postings.get(i);
			packed[i] = (posting[1] << 32) | (posting[2] & 0xFFFF_FFFFL);
			if (i + 1 == postings.size() || postings.get(i + 1)[0] != posting[0]) {
				index.put(posting[0], start, i + 1 - start);
				start = i + 1;
			}
		}
		return new TrigramModel(names.toArray(String[]::new), index, packed);
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
				long found = this.index.get(key(a, b, c));
				if (found >= 0) {
					seen++;
					int end = TrigramTable.start(found) + TrigramTable.count(found);
					for (int p = TrigramTable.start(found); p < end; p++) {
						long posting = this.postings[p];
						score[(int) (posting >>> 32)] += Float.intBitsToFloat((int) posting);
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

	/**
	 * Open addressing from a trigram's key to its postings, key and postings side by side
	 * in one array; no boxing on the hot path.
	 */
	private static final class TrigramTable {

		private static final long EMPTY = -1;

		/** Slot i: the key at 2i, its postings' start and count at 2i + 1. */
		private long[] slots;

		private int size;

		TrigramTable(int capacity) {
			this.slots = new long[2 * capacity];
			Arrays.fill(this.slots, EMPTY);
		}

		/** The postings of a key (read with {@link #start} and {@link #count}), or -1. */
		long get(long key) {
			int mask = capacity() - 1;
			for (int slot = slot(key, mask);; slot = (slot + 1) & mask) {
				long stored = this.slots[2 * slot];
				if (stored == key) {
					return this.slots[2 * slot + 1];
				}
				if (stored == EMPTY) {
					return -1;
				}
			}
		}

		static int start(long postings) {
			return (int) (postings >>> 16);
		}

		static int count(long postings) {
			return (int) (postings & 0xFFFF);
		}

		void put(long key, int start, int count) {
			put(key, ((long) start << 16) | count);
		}

		private void put(long key, long postings) {
			if (2 * (this.size + 1) > capacity()) {
				grow();
			}
			int mask = capacity() - 1;
			int slot = slot(key, mask);
			while (this.slots[2 * slot] != EMPTY && this.slots[2 * slot] != key) {
				slot = (slot + 1) & mask;
			}
			if (this.slots[2 * slot] == EMPTY) {
				this.size++;
			}
			this.slots[2 * slot] = key;
			this.slots[2 * slot + 1] = postings;
		}

		private int capacity() {
			return this.slots.length / 2;
		}

		private void grow() {
			long[] old = this.slots;
			this.slots = new long[2 * old.length];
			Arrays.fill(this.slots, EMPTY);
			this.size = 0;
			for (int i = 0; i < old.length; i += 2) {
				if (old[i] != EMPTY) {
					put(old[i], old[i + 1]);
				}
			}
		}

		private static int slot(long key, int mask) {
			return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
		}

	}

}
