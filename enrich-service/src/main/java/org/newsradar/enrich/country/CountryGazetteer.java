package org.newsradar.enrich.country;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.newsradar.enrich.text.DataFile;
import org.newsradar.enrich.text.PhraseIndex;
import org.newsradar.enrich.text.Tokens;

import org.springframework.core.io.Resource;

/**
 * Every name that stands for a country, and the country it stands for.
 */
public final class CountryGazetteer {

	/** Languages whose CLDR country names are loaded. */
	static final List<String> LANGUAGES = List.of("en", "fr", "de", "es", "it", "pt", "ru", "uk", "kk", "uz", "ky",
			"tr", "ar", "fa", "zh", "ja");

	/** ISO 3166-1 has these too, but the JDK's list does not. */
	private static final List<String> EXTRA_CODES = List.of("XK");

	private final PhraseIndex<String> names = new PhraseIndex<>();

	/**
	 * Loads the JDK's names and the aliases file.
	 * @param aliases the {@code countries.tsv} file
	 * @return the gazetteer
	 * @throws IllegalStateException naming file and line when the file is malformed
	 */
	public static CountryGazetteer load(Resource aliases) {
		Set<String> codes = new TreeSet<>(Set.of(Locale.getISOCountries()));
		codes.addAll(EXTRA_CODES);
		CountryGazetteer gazetteer = new CountryGazetteer();
		Map<String, String> byName = new LinkedHashMap<>();
		Set<String> removed = new HashSet<>();
		Map<String, String> fileNames = readAliases(aliases, codes, removed);
		for (String code : codes) {
			Locale country = Locale.of("", code);
			for (String language : LANGUAGES) {
				String name = country.getDisplayCountry(Locale.of(language));
				if (!name.isBlank() && !name.equals(code) && !name.contains("(")) {
					byName.putIfAbsent(name, code);
				}
			}
		}
		byName.keySet().removeIf((name) -> removed.contains(Tokens.fold(name)));
		byName.putAll(fileNames);
		byName.forEach((name, code) -> {
			boolean caseSensitive = name.startsWith("=");
			gazetteer.names.add(caseSensitive ? name.substring(1) : name, caseSensitive, code);
		});
		return gazetteer;
	}

	public PhraseIndex<String> names() {
		return this.names;
	}

	private static Map<String, String> readAliases(Resource file, Set<String> codes, Set<String> removed) {
		Map<String, String> byName = new LinkedHashMap<>();
		for (DataFile.Line line : DataFile.read(file)) {
			if (line.columns().length != 2 || line.values(1).isEmpty()) {
				throw line.error("expected a country code, a tab and names separated by |");
			}
			String code = line.columns()[0].strip();
			if (!code.equals("-") && !codes.contains(code)) {
				throw line.error("'" + code + "' is not an ISO 3166-1 alpha-2 code");
			}
			for (String name : line.values(1)) {
				if (code.equals("-")) {
					removed.add(Tokens.fold(name));
				}
				else {
					byName.put(name, code);
				}
			}
		}
		return byName;
	}

}
