package org.newsradar.enrich.language;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kazakh, Kyrgyz and Uzbek told apart from their neighbours (Mongolian, Russian, Turkish,
 * Azerbaijani) by the letters each alphabet has and the others lack, and by their
 * commonest words. Lingua has no Kyrgyz or Uzbek model, and on short sentences it takes
 * Kazakh for Mongolian.
 */
final class CentralAsianLanguages {

	/** Kazakh letters that Kyrgyz lacks (і is Ukrainian and Belarusian too). */
	private static final String KAZAKH_ONLY = "әғқұһі";

	/** Kazakh letters that neither Russian, Mongolian, Kyrgyz nor Ukrainian have. */
	private static final String KAZAKH = "әғқұһ";

	private static final Set<String> KAZAKH_WORDS = Set.of("және", "мен", "үшін", "бұл", "туралы", "бойынша", "болып",
			"деп", "жылы", "осы", "сондай", "қазақстан", "республикасы", "президенті", "аталады", "тиіс", "керек");

	/**
	 * Kyrgyz has these and no letter of {@link #KAZAKH_ONLY}; Mongolian has ө and ү but
	 * no ң.
	 */
	private static final String KYRGYZ = "ңөү";

	private static final Set<String> KYRGYZ_WORDS = Set.of("жана", "менен", "үчүн", "болуп", "бул", "анын", "жылы",
			"боюнча", "кылып", "деп", "эле", "болгон", "мамлекеттик", "кыргыз", "кыргызстан", "президенти", "өкмөт",
			"тарабынан", "ошондой", "бирок");

	/** Uzbek Cyrillic: ў with қ, ғ or ҳ (Belarusian has ў but none of those). */
	private static final Pattern UZBEK_CYRILLIC = Pattern.compile("ў.*[қғҳ]|[қғҳ].*ў", Pattern.DOTALL);

	private static final Set<String> UZBEK_WORDS = Set.of("va", "bilan", "uchun", "ham", "bu", "edi", "esa", "emas",
			"kerak", "yil", "yilda", "haqida", "davlat", "respublikasi", "prezidenti", "shu", "ular", "lekin", "yoki",
			"hamda", "ekan", "qildi", "dedi", "orqali", "mamlakat", "vazirligi", "boʻlgan", "bo'lgan", "oʻz", "o'z",
			"boʻyicha", "bo'yicha", "oʻzbekiston", "o'zbekiston", "qilish", "tomonidan", "xalqaro");

	/** Turkish and Azerbaijani letters that the Uzbek Latin alphabet does not use. */
	private static final Pattern NOT_UZBEK = Pattern.compile("[əışçğöüñ]");

	private static final Pattern WORD = Pattern.compile("[\\p{L}ʻ'‘]+");

	private CentralAsianLanguages() {
	}

	/**
	 * @param text the sample, lowercase
	 * @param detected what the statistical models said
	 * @return {@code ky} or {@code uz} when the text is one of them, else
	 * {@code detected}
	 */
	static String refine(String text, String detected) {
		if (Set.of("kk", "mn", "ru", "bg", "mk", "sr", "uk", "be", "tg").contains(detected)) {
			if (UZBEK_CYRILLIC.matcher(text).find()) {
				return "uz";
			}
			if (count(text, KAZAKH) > 0 || detected.equals("ru") && share(text, KAZAKH_WORDS) >= 0.2) {
				return "kk";
			}
			int kyrgyz = count(text, KYRGYZ);
			if (count(text, KAZAKH_ONLY) == 0 && kyrgyz > 0
					&& (text.indexOf('ң') >= 0 || share(text, KYRGYZ_WORDS) >= 0.05)) {
				return "ky";
			}
		}
		else if (!"en".equals(detected) && !NOT_UZBEK.matcher(text).find() && share(text, UZBEK_WORDS) >= 0.1) {
			return "uz";
		}
		return detected;
	}

	private static int count(String text, String letters) {
		int count = 0;
		for (int i = 0; i < text.length(); i++) {
			if (letters.indexOf(text.charAt(i)) >= 0) {
				count++;
			}
		}
		return count;
	}

	private static double share(String text, Set<String> words) {
		int all = 0;
		int hits = 0;
		Matcher matcher = WORD.matcher(text);
		while (matcher.find()) {
			all++;
			if (words.contains(matcher.group())) {
				hits++;
			}
		}
		return (all == 0) ? 0 : (double) hits / all;
	}

}
