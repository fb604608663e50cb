package org.newsradar.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The evaluation's figures as a Markdown table (what the command prints and writes) and
 * as rows for the JSON file.
 */
final class Report {

	/** The language column of the row over all of a dataset's articles. */
	static final String ALL = "all";

	/**
	 * The language column of the row over the articles in languages the detector
	 * supports.
	 */
	static final String SUPPORTED = "supported";

	private static final String HEADER = """
			| dataset | language | field | articles | P | R | F1 | exact | extra/article | forbidden |
			|---|---|---|---:|---:|---:|---:|---:|---:|---:|
			""";

	private Report() {
	}

	/**
	 * One row per dataset, field and language: the "all" row first, then "supported",
	 * then each language.
	 */
	static List<Map<String, Object>> rows(Evaluation evaluation) {
		List<Map<String, Object>> rows = new ArrayList<>();
		evaluation.tallies().forEach((dataset, byLanguage) -> {
			for (Field field : Field.values()) {
				List<String> languages = new ArrayList<>(byLanguage.keySet());
				languages.sort((a, b) -> Integer.compare(rank(a), rank(b)) * 2 + Integer.signum(a.compareTo(b)));
				boolean oneLanguage = languages.size() <= 2;
				for (String language : languages) {
					Tally tally = byLanguage.get(language).get(field);
					if (tally == null || oneLanguage && !language.equals(ALL)) {
						continue;
					}
					Map<String, Object> row = new LinkedHashMap<>();
					row.put("dataset", dataset);
					row.put("language", language);
					row.put("field", field.label());
					row.put("articles", tally.articles);
					row.put("precision", round(tally.precision()));
					row.put("recall", round(tally.recall()));
					row.put("f1", round(tally.f1()));
					row.put("exact", (field == Field.STORY) ? null : round(tally.accuracy()));
					row.put("extra_per_article", (field == Field.STORY) ? null : round(tally.extraPerArticle()));
					row.put("forbidden", tally.forbidden);
					rows.add(row);
				}
			}
		});
		return rows;
	}

	static String markdown(List<Map<String, Object>> rows) {
		StringBuilder text = new StringBuilder(HEADER);
		for (Map<String, Object> row : rows) {
			text.append("| ");
			row.values().forEach((value) -> text.append((value != null) ? format(value) : "").append(" | "));
			text.setLength(text.length() - 1);
			text.append('\n');
		}
		return text.toString();
	}

	private static int rank(String language) {
		return switch (language) {
			case ALL -> 0;
			case SUPPORTED -> 1;
			default -> 2;
		};
	}

	private static String format(Object value) {
		return (value instanceof Double number) ? String.format(Locale.ROOT, "%.3f", number) : value.toString();
	}

	static double round(double value) {
		return Math.round(value * 1000) / 1000.0;
	}

}
