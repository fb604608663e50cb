package org.newsradar.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.newsradar.events.ArticleEnriched;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The articles of the evaluation pile ({@code ../shared/eval/pile/news_pile.jsonl}) as
 * enriched articles for the alert benchmarks. Matching only needs title, body, language,
 * source and countries; countries come from a plain stand-in (English country names from
 * the JDK) so that benchmarks do not depend on enrich-service.
 */
final class Pile {

	private static final Map<String, String> COUNTRY_NAMES = countryNames();

	private static final Pattern COUNTRY_PATTERN = Pattern.compile(COUNTRY_NAMES.keySet()
		.stream()
		.sorted(Comparator.comparing(String::length).reversed())
		.map(Pattern::quote)
		.collect(Collectors.joining("|", "\\b(?:", ")\\b")));

	private Pile() {
	}

	static List<ArticleEnriched> read(Path file, int limit) throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		List<ArticleEnriched> articles = new ArrayList<>();
		try (BufferedReader lines = Files.newBufferedReader(file)) {
			String line;
			while ((line = lines.readLine()) != null && articles.size() < limit) {
				JsonNode document = json.readTree(line);
				String title = document.path("title").asString("");
				String body = document.path("text").asString("");
				articles.add(new ArticleEnriched(document.path("id").asString(), null,
						document.path("source").asString(null), title, body, published(document.path("published")),
						Instant.now(), Instant.now(), document.path("language").asString(null),
						countries(title + "\n" + body), List.of(), List.of(), List.of(), List.of(), List.of(), null,
						document.path("id").asString()));
			}
		}
		return articles;
	}

	/** The pile's dates come in many shapes; those that are not ISO are left out. */
	private static Instant published(JsonNode value) {
		String text = value.asString("");
		try {
			return LocalDateTime.parse(text.substring(0, 10) + "T" + text.substring(11, 19)).toInstant(ZoneOffset.UTC);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	private static List<String> countries(String text) {
		Set<String> found = new LinkedHashSet<>();
		Matcher matcher = COUNTRY_PATTERN.matcher(text);
		while (matcher.find()) {
			found.add(COUNTRY_NAMES.get(matcher.group()));
		}
		return List.copyOf(found);
	}

	private static Map<String, String> countryNames() {
		Map<String, String> names = new LinkedHashMap<>();
		for (String code : Locale.getISOCountries()) {
			names.put(Locale.of("", code).getDisplayCountry(Locale.ENGLISH), code);
		}
		return names;
	}

}
