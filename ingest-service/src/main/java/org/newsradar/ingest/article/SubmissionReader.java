package org.newsradar.ingest.article;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.newsradar.ingest.IngestProperties;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Turns a request body (one article or an array) into submissions, checking each article
 * on its own and collecting every problem it has, so the response can say exactly what
 * was wrong.
 */
@Component
class SubmissionReader {

	private static final Set<String> FIELDS = Set.of("url", "source", "title", "body", "published_at", "language");

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

	/**
	 * A text with more control characters than one in this many (and at least
	 * {@link #BINARY_LEAST} of them) is binary data, not an article.
	 */
	private static final int BINARY_SHARE = 20;

	private static final int BINARY_LEAST = 8;

	private final IngestProperties properties;

	private final Counter removed;

	SubmissionReader(IngestProperties properties, MeterRegistry meters) {
		this.properties = properties;
		this.removed = Counter.builder("newsradar.ingest.control.characters.removed")
			.description("Stray control characters removed from titles and bodies")
			.register(meters);
	}

	/**
	 * @param json the parsed request body
	 * @return one entry per article, in request order
	 * @throws InvalidRequestException when the body is neither an object nor an array of
	 * them, is empty, or holds too many articles
	 */
	List<Checked> read(JsonNode json) {
		List<JsonNode> articles = new ArrayList<>();
		if (json.isObject()) {
			articles.add(json);
		}
		else if (json.isArray()) {
			json.forEach(articles::add);
			if (articles.isEmpty()) {
				throw new InvalidRequestException("The array holds no article.");
			}
			if (articles.size() > this.properties.maxBatchSize()) {
				throw new InvalidRequestException("The array holds " + articles.size() + " articles; at most "
						+ this.properties.maxBatchSize() + " are taken in one request.");
			}
		}
		else {
			throw new InvalidRequestException("Expected an article object or an array of them, got a JSON "
					+ json.getNodeType().name().toLowerCase(Locale.ROOT) + ".");
		}
		List<Checked> checked = new ArrayList<>(articles.size());
		for (int i = 0; i < articles.size(); i++) {
			checked.add(check(i, articles.get(i)));
		}
		return checked;
	}

	/** Checks one article that did not come as JSON (a seed file, a text/plain body). */
	Checked check(ArticleSubmission submission) {
		List<String> errors = new ArrayList<>();
		ArticleSubmission cleaned = cleaned(submission, errors);
		checkContent(cleaned, errors);
		return new Checked(0, errors.isEmpty() ? cleaned : null, errors);
	}

	private Checked check(int index, JsonNode node) {
		List<String> errors = new ArrayList<>();
		if (!node.isObject()) {
			errors.add("an article must be a JSON object");
			return new Checked(index, null, errors);
		}
		for (Iterator<String> names = node.propertyNames().iterator(); names.hasNext();) {
			String name = names.next();
			if (!FIELDS.contains(name)) {
				errors.add("unknown field '" + name + "' (expected "
						+ String.join(", ", FIELDS.stream().sorted().toList()) + ")");
			}
		}
		ArticleSubmission submission = cleaned(new ArticleSubmission(text(node, "url", errors),
				text(node, "source", errors), text(node, "title", errors), text(node, "body", errors),
				instant(node, errors), text(node, "language", errors)), errors);
		checkContent(submission, errors);
		return new Checked(index, errors.isEmpty() ? submission : null, errors);
	}

	private void checkContent(ArticleSubmission submission, List<String> errors) {
		if (isBlank(submission.title()) && isBlank(submission.body())) {
			errors.add("an article needs a title or a body");
		}
		if (submission.title() != null && submission.title().length() > this.properties.maxTitleLength()) {
			errors.add("title is " + submission.title().length() + " characters long; at most "
					+ this.properties.maxTitleLength() + " are allowed");
		}
		if (submission.body() != null && submission.body().length() > this.properties.maxBodyLength()) {
			errors.add("body is " + submission.body().length() + " characters long; at most "
					+ this.properties.maxBodyLength() + " are allowed");
		}
		if (submission.url() != null && !isHttpUrl(submission.url())) {
			errors.add("url '" + submission.url() + "' is not an absolute http or https URL");
		}
		if (submission.language() != null && !LANGUAGE.matcher(submission.language()).matches()) {
			errors.add("language '" + submission.language() + "' is not a lowercase ISO 639-1 code such as 'en'");
		}
	}

	/** The submission with the stray control characters of its texts removed. */
	private ArticleSubmission cleaned(ArticleSubmission submission, List<String> errors) {
		return new ArticleSubmission(submission.url(), cleaned("source", submission.source(), errors),
				cleaned("title", submission.title(), errors), cleaned("body", submission.body(), errors),
				submission.publishedAt(), submission.language());
	}

	private String cleaned(String field, String value, List<String> errors) {
		if (value == null) {
			return null;
		}
		int controls = 0;
		boolean nul = false;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (isStray(c)) {
				controls++;
				nul |= (c == 0);
			}
		}
		if (controls == 0) {
			return value;
		}
		if (nul || (controls >= BINARY_LEAST && controls * BINARY_SHARE > value.length())) {
			errors.add(field + " is binary data, not an article: " + (nul ? "it holds NUL characters"
					: controls + " of its " + value.length() + " characters are control characters"));
			return value;
		}
		this.removed.increment(controls);
		StringBuilder kept = new StringBuilder(value.length() - controls);
		value.chars().filter((c) -> !isStray((char) c)).forEach((c) -> kept.append((char) c));
		return kept.toString();
	}

	/**
	 * A control character other than tab, line feed and carriage return (C0, DEL or C1):
	 * a stray of a bad conversion; many of them, or any NUL, are binary data.
	 */
	private static boolean isStray(char c) {
		return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
	}

	private static String text(JsonNode node, String field, List<String> errors) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			errors.add(field + " must be a string, not " + value.getNodeType().name().toLowerCase(Locale.ROOT));
			return null;
		}
		return value.asString();
	}

	private static Instant instant(JsonNode node, List<String> errors) {
		String value = text(node, "published_at", errors);
		if (value == null) {
			return null;
		}
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			errors.add(
					"published_at '" + value + "' is not an ISO-8601 date-time with offset, e.g. 2024-01-15T08:20:00Z");
			return null;
		}
	}

	private static boolean isHttpUrl(String url) {
		try {
			URI uri = new URI(url);
			return uri.getHost() != null
					&& ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

	private static boolean isBlank(String value) {
		return value == null || value.isBlank();
	}

	/**
	 * One article after the checks.
	 *
	 * @param index its position in the request
	 * @param submission the article, or {@code null} when it was rejected
	 * @param errors what was wrong, empty when it was accepted
	 */
	record Checked(int index, ArticleSubmission submission, List<String> errors) {

		boolean valid() {
			return this.errors.isEmpty();
		}

	}

}
