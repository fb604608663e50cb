package org.newsradar.enrich.story;

import java.util.HashMap;
import java.util.Map;

import org.newsradar.enrich.text.Tokens;

/**
 * A key for a proper name that survives a change of script: "Trump", "Трамп" and "トランプ"
 * all give "trnp". The name is transliterated to Latin letters (Cyrillic letter by
 * letter, katakana syllable by syllable), then reduced to its consonants, with the pairs
 * that transliteration confuses (l/r, m/n, v/w, c/k/q) merged. Coarse on purpose: it is
 * one feature among many, weighted by how rare it is.
 */
final class NameKey {

	private static final Map<Character, String> CYRILLIC = table("абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґўқғңөұүһә",
			"a,b,v,g,d,e,e,zh,z,i,y,k,l,m,n,o,p,r,s,t,u,f,kh,ts,ch,sh,shch,,y,,e,yu,ya,i,yi,ye,g,u,k,g,n,o,u,u,h,a");

	private NameKey() {
	}

	/** The key of a name, or {@code null} when too little of it is left. */
	static String of(String name) {
		StringBuilder latin = new StringBuilder();
		for (char c : name.toLowerCase().toCharArray()) {
			String mapped = CYRILLIC.get(c);
			latin.append((mapped != null) ? mapped : String.valueOf(c));
		}
		String folded = Tokens.fold(latin.toString()).replace("kh", "h").replace("ph", "f").replace("ts", "s");
		StringBuilder key = new StringBuilder();
		for (char c : folded.toCharArray()) {
			char merged = switch (c) {
				case 'c', 'q' -> 'k';
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
