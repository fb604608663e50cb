package org.newsradar.enrich.story;

import java.util.List;
import java.util.Locale;

import com.ibm.icu.text.Transliterator;
import org.newsradar.enrich.text.Tokens;

/**
 * A key for a proper name that survives a change of script: "Trump" and "Трамп" (or
 * "Трампом") all give "trnp". The name loses its Russian case ending, is transliterated
 * to Latin letters by ICU (Cyrillic by the BGN/PCGN romanisation English-language news
 * uses, "Zhukov", "Khabarovsk"; every other script by ICU's own Latin transliteration),
 * then reduced to its consonants, with the pairs that transliteration confuses (l/r, m/n,
 * v/w, c/k/q, s/z, x/ks, th/t) merged. Coarse on purpose: it is one feature among many,
 * weighted by how rare it is.
 */
final class NameKey {

	/** Transliterators are not shared between threads. */
	private static final ThreadLocal<Transliterator> LATIN = ThreadLocal
		.withInitial(() -> Transliterator.getInstance("Russian-Latin/BGN; Any-Latin; Latin-ASCII"));

	/** Longest first, so that "ского" goes before "ого". */
	private static final List<String> CASE_ENDINGS = List.of("ского", "ской", "ским", "ском", "ских", "ами", "ями",
			"ого", "его", "ому", "ему", "ыми", "ими", "ым", "ом", "ой", "ей", "ий", "ый", "ых", "их", "ах", "ях");

	private NameKey() {
	}

	/** The key of a name, or {@code null} when too little of it is left. */
	static String of(String name) {
		String lower = withoutCaseEnding(name.toLowerCase(Locale.ROOT));
		String latin = isLatin(lower) ? lower : LATIN.get().transliterate(lower);
		String folded = Tokens.fold(latin)
			.replace("dzh", "j")
			.replace("kh", "h")
			.replace("ph", "f")
			.replace("th", "t")
			.replace("ts", "s")
			.replace("x", "ks");
		StringBuilder key = new StringBuilder();
		for (char c : folded.toCharArray()) {
			char merged = switch (c) {
				case 'c', 'q' -> 'k';
				case 'z' -> 's';
				case 'w' -> 'v';
				case 'l' -> 'r';
				case 'm' -> 'n';
				case 'a', 'e', 'i', 'o', 'u', 'y' -> 0;
				default -> Character.isLetter(c) && c < 128 ? c : 0;
			};
			if (merged != 0 && (key.isEmpty() || key.charAt(key.length() - 1) != merged)) {
				key.append(merged);
			}
		}
		return (key.length() >= 3) ? key.toString() : null;
	}

	/**
	 * A Russian name without its case ending ("Путиным", "Зеленского", "Кронштадтском"),
	 * so that it keys like its nominative. Vowel endings need no stripping: vowels are
	 * left out of the key anyway.
	 */
	private static String withoutCaseEnding(String name) {
		for (String ending : CASE_ENDINGS) {
			if (name.endsWith(ending) && name.length() - ending.length() >= 3) {
				String stem = name.substring(0, name.length() - ending.length());
				return ending.startsWith("ск") ? stem + "ск" : stem;
			}
		}
		return name;
	}

	private static boolean isLatin(String text) {
		return text.chars().allMatch((c) -> c < 0x250);
	}

}
