package org.newsradar.enrich.country;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.newsradar.enrich.text.DataFile;
import org.newsradar.enrich.text.PhraseIndex;
import org.newsradar.enrich.text.Tokens;

import org.springframework.core.io.Resource;

/**
 * Every name a country goes by: the JDK's CLDR names in the languages we tag, the names
 * of {@code countries.tsv}, and the ambiguous names of {@code ambiguous.tsv} with the
 * context phrases that confirm them.
 */
public final class CountryGazetteer {

	/** Languages whose CLDR country names are loaded. */
	static final List<Locale> LANGUAGES = List
		.of("en", "fr", "de", "es", "it", "pt", "ru", "uk", "kk", "uz", "ky", "tr", "ar", "fa", "zh", "zh-TW", "ja")
		.stream()
		.map(Locale::forLanguageTag)
		.toList();

	/** ISO 3166-1 has these too, but the JDK's list does not. */
	private static final List<String> EXTRA_CODES = List.of("XK");

	private final PhraseIndex<CountryName> names = new PhraseIndex<>();

	/** Context phrases; the value is the numbers of the ambiguous names they confirm. */
	private final PhraseIndex<Set<Integer>> contexts = new PhraseIndex<>();

	/** What after a comma puts the place before it in a country: "Paris, Texas". */
	private final Map<String, Pattern> placeSuffixes = new LinkedHashMap<>();

	/**
	 * Loads the JDK's names and the two files.
	 * @param aliases the {@code countries.tsv} file
	 * @param ambiguous the {@code ambiguous.tsv} file
	 * @return the gazetteer
	 * @throws IllegalStateException naming file and line when a file is malformed
	 */
	public static CountryGazetteer load(Resource aliases, Resource ambiguous) {
		Set<String> codes = new TreeSet<>(Set.of(Locale.getISOCountries()));
		codes.addAll(EXTRA_CODES);
		CountryGazetteer gazetteer = new CountryGazetteer();
		Map<String, String> byName = new LinkedHashMap<>();
		Set<String> removed = new HashSet<>();
		Map<String, String> fileNames = readAliases(aliases, codes, removed);
		for (String code : codes) {
			Locale country = Locale.of("", code);
			for (Locale language : LANGUAGES) {
				String name = country.getDisplayCountry(language);
				if (!name.isBlank() && !name.equals(code) && !name.contains("(")) {
					byName.putIfAbsent(name, code);
				}
			}
		}
		byName.keySet().removeIf((name) -> removed.contains(Tokens.fold(name)));
		byName.putAll(fileNames);
		gazetteer.readAmbiguous(ambiguous, codes, removed);
		byName.keySet().removeIf((name) -> removed.contains(Tokens.fold(PhraseIndex.unmarked(name))));
		byName.forEach((name, code) -> gazetteer.names.add(name, new CountryName(code, -1)));
		return gazetteer;
	}

	public PhraseIndex<CountryName> names() {
		return this.names;
	}

	PhraseIndex<Set<Integer>> contexts() {
		return this.contexts;
	}

	Map<String, Pattern> placeSuffixes() {
		return this.placeSuffixes;
	}

	private void readAmbiguous(Resource file, Set<String> codes, Set<String> plainNamesToDrop) {
		int number = 0;
		Map<String, Set<Integer>> confirms = new LinkedHashMap<>();
		for (DataFile.Line line : DataFile.read(file)) {
			String[] columns = line.columns();
			if (columns.length != 3 || line.values(2).isEmpty()) {
				throw line
					.error("expected a name (or 'after'), a tab, a country code, a tab and phrases separated by |");
			}
			String name = columns[0].strip();
			String code = columns[1].strip();
			if (!codes.contains(code)) {
				throw line.error("'" + code + "' is not an ISO 3166-1 alpha-2 code");
			}
			if (name.equals("after")) {
				String alternatives = line.values(2).stream().map(Pattern::quote).collect(Collectors.joining("|"));
				this.placeSuffixes.put(code, Pattern.compile(",\\s+(?:" + alternatives + ")(?![\\p{L}])"));
				continue;
			}
			this.names.add(name, new CountryName(code, number));
			plainNamesToDrop.add(Tokens.fold(PhraseIndex.unmarked(name)));
			for (String context : line.values(2)) {
				confirms.computeIfAbsent(Tokens.fold(context), (key) -> new HashSet<>()).add(number);
			}
			number++;
		}
		confirms.forEach((context, names) -> this.contexts.add(context, false, Set.copyOf(names)));
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
