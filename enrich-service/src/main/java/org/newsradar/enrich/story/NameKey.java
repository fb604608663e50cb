package org.newsradar.enrich.story;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.newsradar.enrich.text.Tokens;

/**
 * A key for a proper name that survives a change of script: "Trump" and "Трамп" (or
 * "Трампом") all give "trnp". The name loses its Russian case ending, is transliterated
 * to Latin letters (Cyrillic letter by letter), then reduced to its consonants, with the
 * pairs that transliteration confuses (l/r, m/n, v/w, c/k/q, s/z, x/ks, th/t) merged.
 * Coarse on purpose: it is one feature among many, weighted by how rare it is.
 */
final class NameKey {

	private static final Map<Character, String> CYRILLIC = table("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўқғңөұүһә",
			"a,b,v,g,d,e,e,zh,z,i,y,k,l,m,n,o,p,r,s,t,u,f,kh,ts,ch,sh,shch,,y,,e,yu,ya,i,yi,ye,g,u,k,g,n,o,u,u,h,a");

	/** Longest first, so that "ского" goes before "ого". */
	private static final List<String> CASE_ENDINGS = List.of("ского", "ской", "ским", "ском", "ских", "ами", "ями",
			"ого", "его", "ому", "ему", "ыми", "ими", "ым", "ом", "ой", "ей", "ий", "ый", "ых", "их", "ах", "ях");

	private NameKey() {
	}

	/** The key of a name, or {@code null} when too little of it is left. */
	static String of(String name) {
		StringBuilder latin = new StringBuilder();
		for (char c : withoutCaseEnding(name.toLowerCase(Locale.ROOT)).toCharArray()) {
			String mapped = CYRILLIC.get(c);
			latin.append((mapped != null) ? mapped : String.valueOf(c));
		}
		String folded = Tokens.fold(latin.toString())
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

	private static Map<Character, String> table(String letters, String latin) {
		String[] values = latin.split(",", -1);
		if (values.length != letters.length()) {
			throw new IllegalStateException(letters.length() + " letters but " + values.length + " transliterations");
		}
		Map<Character, String> table = new HashMap<>();
		for (int i = 0; i < letters.length(); i++) {
			table.put(letters.charAt(i), values[i]);
		}
		return table;
	}

}
