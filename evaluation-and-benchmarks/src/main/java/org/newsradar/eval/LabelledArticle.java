package org.newsradar.eval;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.newsradar.events.ArticleIds;
import org.newsradar.events.ArticleIngested;
import tools.jackson.databind.JsonNode;

/**
 * One line of an evaluation file: the article as the pipeline receives it (without a
 * language hint, so that language identification is measured too) and its gold labels.
 * <p>
 * Two shapes are read. Third-party datasets carry a {@code gold} object
 * ({@code countries_iso2}, {@code speaker_country_iso2}, {@code story_group},
 * {@code language_iso639_1}, and Reuters' TOPICS codes for trade and energy, see
 * {@link Field#TRADE_ENERGY}); their other gold keys are not ours and are ignored. The
 * seed labels carry NewsRadar's own fields at the top level ({@code countries},
 * {@code not_countries}, {@code topics}, {@code not_topics}, {@code persons},
 * {@code statement_by}, {@code statement_type}, {@code story}) and name their text by
 * {@code seed}, a file in a {@code seeds/} directory.
 *
 * @param dataset the file it comes from, relative to the evaluated directory
 * @param article the article
 * @param language the gold language, which results are grouped by
 * @param gold the expected values per field
 * @param forbidden values that must not appear (furniture), per field
 */
record LabelledArticle(String dataset, ArticleIngested article, String language, Map<Field, Set<String>> gold,
		Map<Field, Set<String>> forbidden) {

	/**
	 * Every published date and the ingestion time are this, unless the file has a date.
	 */
	static final Instant CLOCK = Instant.parse("2026-01-01T00:00:00Z");

	/**
	 * @return the labelled article, or {@code null} when the line carries no labels we
	 * score
	 * @throws IllegalArgumentException saying what is missing or malformed
	 */
	static LabelledArticle read(String dataset, JsonNode line, Path file) {
		JsonNode gold = line.path("gold");
		Map<Field, Set<String>> expected = new EnumMap<>(Field.class);
		Map<Field, Set<String>> forbidden = new EnumMap<>(Field.class);
		String language = text(gold, "language_iso639_1", text(line, "language", null));
		if (line.has("seed")) {
			put(expected, Field.COUNTRIES, line.path("countries"));
			put(expected, Field.TOPICS, line.path("topics"));
			put(expected, Field.PERSONS, line.path("persons"));
			put(expected, Field.STATEMENT_BY, line.path("statement_by"));
			put(expected, Field.STATEMENT_TYPE, line.path("statement_type"));
			put(expected, Field.STORY, line.path("story"));
			put(forbidden, Field.COUNTRIES, line.path("not_countries"));
			put(forbidden, Field.TOPICS, line.path("not_topics"));
		}
		else {
			put(expected, Field.COUNTRIES, gold.path("countries_iso2"));
			put(expected, Field.STATEMENT_BY, gold.path("speaker_country_iso2"));
			put(expected, Field.STORY, gold.path("story_group"));
			if (gold.path("topics").isArray() && gold.has("places")) {
				Set<String> topics = new LinkedHashSet<>();
				gold.path("topics").forEach((code) -> {
					String topic = Field.REUTERS_TOPICS.get(code.asString());
					if (topic != null) {
						topics.add(topic);
					}
				});
				expected.put(Field.TRADE_ENERGY, topics);
			}
		}
		if (language != null) {
			expected.put(Field.LANGUAGE, Set.of(language));
		}
		if (expected.isEmpty() || !gold.isObject() && !line.has("seed")) {
			return null;
		}
		String[] text = line.has("seed") ? seed(line.path("seed").asString(), file)
				: new String[] { text(line, "title", ""), body(line) };
		if (text[1] == null) {
			throw new IllegalArgumentException("no \"text\"");
		}
		String id = text(line, "id", ArticleIds.of(null, text[0], text[1]));
		Instant published = date(text(line, "published", null));
		ArticleIngested article = new ArticleIngested(id, text(line, "url", null), dataset, text[0], text[1], published,
				CLOCK, null);
		return new LabelledArticle(dataset, article, (language != null) ? language : "und", expected, forbidden);
	}

	/**
	 * The body as it was published. Wire corpora such as Reuters-21578 keep the dateline
	 * ("LONDON, March 18 -") apart from the text; on the wire it opens the body.
	 */
	private static String body(JsonNode line) {
		String text = text(line, "text", null);
		String dateline = text(line, "dateline", null);
		return (text != null && dateline != null) ? dateline.strip() + " " + text : text;
	}

	private static void put(Map<Field, Set<String>> labels, Field field, JsonNode value) {
		if (value.isMissingNode() || value.isNull()) {
			return;
		}
		Set<String> values = new LinkedHashSet<>();
		if (value.isArray()) {
			value.forEach((item) -> values.add(item.asString()));
		}
		else {
			values.add(value.asString());
		}
		labels.put(field, values);
	}

	private static String text(JsonNode node, String name, String fallback) {
		JsonNode value = node.path(name);
		return (value.isString() && !value.asString().isBlank()) ? value.asString() : fallback;
	}

	/**
	 * A seed file: first line the title, the rest the body, as ingest-service reads it.
	 */
	private static String[] seed(String name, Path goldFile) {
		for (Path dir = goldFile.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("seeds").resolve(name);
			if (Files.isRegularFile(candidate)) {
				try {
					String text = Files.readString(candidate, StandardCharsets.UTF_8).strip();
					int end = text.indexOf('\n');
					return (end < 0) ? new String[] { text, "" }
							: new String[] { text.substring(0, end).strip(), text.substring(end + 1).strip() };
				}
				catch (IOException ex) {
					throw new IllegalArgumentException("cannot read seed " + candidate + ": " + ex.getMessage());
				}
			}
		}
		throw new IllegalArgumentException("seed '" + name + "' not found in a seeds/ directory above " + goldFile);
	}

	/**
	 * ISO dates and date-times; anything else (the data has "7:58 AM ET, Sat Jan") is no
	 * date.
	 */
	private static Instant date(String value) {
		if (value == null) {
			return null;
		}
		try {
			if (value.length() == 10) {
				return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
			}
			if (value.length() >= 19) {
				return LocalDateTime.parse(value.substring(0, 10) + "T" + value.substring(11, 19))
					.toInstant(ZoneOffset.UTC);
			}
		}
		catch (DateTimeParseException ex) {
			// not a date we can read
		}
		return null;
	}

}
