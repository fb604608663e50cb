package org.newsradar.enrich.country;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.newsradar.enrich.text.DataFile;
import org.newsradar.enrich.text.PhraseIndex;
import org.newsradar.enrich.text.Tokens;

import org.springframework.core.io.Resource;

/**
 * The weak evidence of {@code country-hints.tsv}: for an article that names no country,
 * the country whose local vocabulary it uses most.
 */
final class CountryHints {

	/** An amount with a dollar sign, and the prefix before it (C$, HK$) if any. */
	private static final Pattern DOLLARS = Pattern.compile("(?<![\\p{L}])(\\p{Lu}{0,2})\\$\\s?\\d");

	private static final int MIN_HITS = 2;

	/** Per language, the phrases and the country each stands for. */
	private final Map<String, PhraseIndex<String>> byLanguage = new HashMap<>();

	/** Per language, the country that a bare or prefixed dollar amount stands for. */
	private final Map<String, Map<String, String>> dollars = new HashMap<>();

	static CountryHints load(Resource file) {
		CountryHints hints = new CountryHints();
		for (DataFile.Line line : DataFile.read(file)) {
			String[] columns = line.columns();
			if (columns.length != 3 || !columns[0].strip().matches("[A-Z]{2}")
					|| !columns[1].strip().matches("[a-z]{2}")) {
				throw line.error("expected an ISO country code, a tab, a language code, a tab and phrases");
			}
			String code = columns[0].strip();
			String language = columns[1].strip();
			for (String phrase : line.values(2)) {
				if (phrase.endsWith("$")) {
					hints.dollars.computeIfAbsent(language, (key) -> new HashMap<>())
						.put(phrase.substring(0, phrase.length() - 1), code);
				}
				else {
					hints.byLanguage.computeIfAbsent(language, (key) -> new PhraseIndex<>()).add(phrase, code);
				}
			}
		}
		return hints;
	}

	/** The hinted country, or {@code null} when the hints are too few. */
	String country(String text, Tokens tokens, String language) {
		Map<String, Integer> hits = new HashMap<>();
		PhraseIndex<String> phrases = this.byLanguage.get(language);
		if (phrases == null) {
			return null;
		}
		List<PhraseIndex.Match<String>> found = phrases.find(tokens);
		found.forEach((match) -> hits.merge(match.value(), 1, Integer::sum));
		Map<String, String> currency = this.dollars.getOrDefault(language, Map.of());
		Matcher matcher = DOLLARS.matcher(text);
		while (matcher.find()) {
			String code = currency.get(matcher.group(1));
			if (code != null) {
				hits.merge(code, 1, Integer::sum);
			}
		}
		return hits.entrySet()
			.stream()
			.filter((hit) -> hit.getValue() >= MIN_HITS)
			.max(Map.Entry.comparingByValue())
			.map(Map.Entry::getKey)
			.orElse(null);
	}

}
