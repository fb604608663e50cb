package org.newsradar.enrich.language;

import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.enrich.pipeline.Tagger;

/**
 * Sets {@code language}: by script alone where a script has one language, by the inverted
 * trigram model for article-length text, by Lingua's high-accuracy mode (models loaded as
 * needed) for short text and close calls, among the few languages the trigram model ranks
 * first (all of them if that names none), then Kyrgyz and Uzbek by their letters and
 * words.
 */
public class LanguageTagger implements Tagger {

	/** Enough text to decide; more only costs time. */
	private static final int SAMPLE_LENGTH = 2000;

	/** Below this many letters the source's hint, when there is one, is trusted more. */
	private static final int SHORT_TEXT = 40;

	/**
	 * From this many letters on, the trigram model decides; below, Lingua's fuller
	 * models.
	 */
	private static final int LONG_TEXT = 60;

	/** Lingua's cost grows with the text; this much decides a close call as well. */
	private static final int LINGUA_SAMPLE = 300;

	/**
	 * From this many letters on, the trigram model's answer stands even when the call is
	 * close.
	 */
	private static final int CLEAR_TEXT = 400;

	/** Scripts written in one language only (of those we name). */
	private static final Map<UnicodeScript, String> SCRIPT_LANGUAGES = scriptLanguages();

	/**
	 * Every living language Lingua knows but Bosnian and Malay: they cannot be told from
	 * Croatian and Indonesian reliably (Lingua named 37 % of Bosnian and 28 % of Malay
	 * sentences right, and took Croatian articles for Bosnian), so they are reported as
	 * those.
	 */
	private static final Set<Language> CANDIDATES = candidates();

	private static final Map<String, Language> BY_CODE = CANDIDATES.stream()
		.collect(Collectors.toMap((language) -> language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT),
				Function.identity()));

	/**
	 * A close call between articles' trigram scores is left to Lingua among this many
	 * best languages: the right one is almost always among them, and Lingua is that much
	 * faster on five languages than on seventy.
	 */
	private static final int SHORTLIST = 5;

	/** The shortlist for text too short for the trigram model to decide alone. */
	private static final int SHORT_SHORTLIST = 10;

	/** Shortlists repeat (en, fr, nl, ...); past this many kept, they are dropped. */
	private static final int MAX_SHORTLISTS = 1000;

	private final LanguageDetector lingua = LanguageDetectorBuilder.fromLanguages(CANDIDATES.toArray(Language[]::new))
		.build();

	private final TrigramModel trigrams = TrigramModel.load(CANDIDATES);

	private final Map<Set<String>, LanguageDetector> shortlisted = new ConcurrentHashMap<>();

	private final Set<String> supported = supported();

	@Override
	public void tag(ArticleDraft article) {
		String text = article.text();
		String hint = article.received().language();
		if (hint != null && letters(text, SHORT_TEXT) < SHORT_TEXT) {
			article.language(hint);
			return;
		}
		article.language(detect(text.length() > SAMPLE_LENGTH ? text.substring(0, SAMPLE_LENGTH) : text));
	}

	/**
	 * The ISO 639-1 code of the text's language, or {@code und} when it cannot be told.
	 */
	public String detect(String text) {
		String byScript = byScript(text);
		if (byScript != null) {
			return byScript;
		}
		String sample = text.toLowerCase(Locale.ROOT);
		int letters = letters(text, CLEAR_TEXT);
		LanguageDetector lingua = this.lingua;
		String detected = null;
		boolean shortText = letters < LONG_TEXT;
		TrigramModel.Ranking ranking = this.trigrams.rank(sample, shortText ? SHORT_SHORTLIST : SHORTLIST);
		if (!shortText && (ranking.clear() || letters >= CLEAR_TEXT) && !ranking.best().isEmpty()) {
			detected = ranking.best().get(0);
		}
		else if (ranking.best().size() >= 2) {
			lingua = shortlisted(ranking.best());
		}
		if (detected == null) {
			String start = (text.length() > LINGUA_SAMPLE) ? text.substring(0, LINGUA_SAMPLE) : text;
			Language language = lingua.detectLanguageOf(start);
			if (language == Language.UNKNOWN && lingua != this.lingua) {
				language = this.lingua.detectLanguageOf(start);
			}
			detected = (language == Language.UNKNOWN) ? "und"
					: language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
		}
		return CentralAsianLanguages.refine(sample, detected);
	}

	/**
	 * Lingua limited to the given languages (its cost grows with their number), one
	 * detector per shortlist, kept.
	 */
	private LanguageDetector shortlisted(List<String> codes) {
		if (this.shortlisted.size() > MAX_SHORTLISTS) {
			this.shortlisted.clear();
		}
		return this.shortlisted.computeIfAbsent(Set.copyOf(codes),
				(key) -> LanguageDetectorBuilder.fromLanguages(key.stream().map(BY_CODE::get).toArray(Language[]::new))
					.build());
	}

	/** Whether {@code code} (ISO 639-1) is a language this tagger can name. */
	public boolean supports(String code) {
		return this.supported.contains(code);
	}

	/**
	 * The language of a script that only one language uses, when most letters are in it;
	 * Chinese and Japanese by whether kana is mixed with the Han characters.
	 */
	private static String byScript(String text) {
		int[] counts = new int[UnicodeScript.values().length];
		int letters = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x250) {
				if (Character.isLetter(c)) {
					letters++;
					counts[UnicodeScript.LATIN.ordinal()]++;
				}
			}
			else if (Character.isLetter(c)) {
				letters++;
				counts[UnicodeScript.of(c).ordinal()]++;
			}
		}
		int han = counts[UnicodeScript.HAN.ordinal()];
		int kana = counts[UnicodeScript.HIRAGANA.ordinal()] + counts[UnicodeScript.KATAKANA.ordinal()];
		if (letters > 0 && han + kana > letters / 5) {
			return (kana * 10 >= han + kana) ? "ja" : "zh";
		}
		for (Map.Entry<UnicodeScript, String> script : SCRIPT_LANGUAGES.entrySet()) {
			if (counts[script.getKey().ordinal()] > letters / 2) {
				return script.getValue();
			}
		}
		return null;
	}

	private static Map<UnicodeScript, String> scriptLanguages() {
		Map<UnicodeScript, String> languages = new EnumMap<>(UnicodeScript.class);
		languages.put(UnicodeScript.HANGUL, "ko");
		languages.put(UnicodeScript.GREEK, "el");
		languages.put(UnicodeScript.ARMENIAN, "hy");
		languages.put(UnicodeScript.GEORGIAN, "ka");
		languages.put(UnicodeScript.HEBREW, "he");
		languages.put(UnicodeScript.THAI, "th");
		languages.put(UnicodeScript.GUJARATI, "gu");
		languages.put(UnicodeScript.GURMUKHI, "pa");
		languages.put(UnicodeScript.TAMIL, "ta");
		languages.put(UnicodeScript.TELUGU, "te");
		languages.put(UnicodeScript.BENGALI, "bn");
		languages.put(UnicodeScript.SINHALA, "si");
		return languages;
	}

	private static Set<Language> candidates() {
		Set<Language> languages = EnumSet.copyOf(Language.allSpokenOnes());
		languages.removeAll(Set.of(Language.BOSNIAN, Language.MALAY));
		return languages;
	}

	private static Set<String> supported() {
		Set<String> codes = new TreeSet<>(SCRIPT_LANGUAGES.values());
		CANDIDATES.forEach((language) -> codes.add(language.getIsoCode639_1().toString().toLowerCase(Locale.ROOT)));
		codes.addAll(Set.of("zh", "ja", "ky", "uz"));
		return codes;
	}

	private static int letters(String text, int enough) {
		int count = 0;
		for (int i = 0; i < text.length() && count < enough; i++) {
			if (Character.isLetter(text.charAt(i))) {
				count++;
			}
		}
		return count;
	}

}
