package org.newsradar.ingest.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.newsradar.events.ArticleIds;
import org.newsradar.ingest.fetch.FetchException;
import org.newsradar.ingest.fetch.Fetched;
import org.newsradar.ingest.fetch.PoliteFetcher;
import org.newsradar.ingest.page.PageExtractor;

import org.springframework.stereotype.Component;

/**
 * Reads RSS 0.9x, 1.0 (RDF) and 2.0 and Atom 1.0 with ROME, and says clearly what an
 * answer that is not a feed is instead.
 */
@Component
class FeedParser {

	/**
	 * An item whose text has at least this many characters carries the article; a shorter
	 * one is a summary, and the linked page is fetched.
	 */
	static final int COMPLETE_TEXT = 1000;

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

	/**
	 * A feed's content.
	 *
	 * @param title the feed's title, or {@code null}
	 * @param language the ISO 639-1 code it declares, or {@code null}
	 * @param items its items, in the feed's order, each key once
	 */
	record ParsedFeed(String title, String language, List<Item> items) {

	}

	/**
	 * One item.
	 *
	 * @param key what identifies it in the feed: its guid or id, else its link, else its
	 * title (hashed)
	 * @param link the article's address, or {@code null}
	 * @param title its headline, or {@code null}
	 * @param text its content or summary as plain text, paragraphs separated by a blank
	 * line
	 * @param complete whether {@code text} is the article rather than a summary
	 * @param publishedAt when it was published, or {@code null}
	 * @param author who wrote it, or {@code null}
	 */
	record Item(String key, String link, String title, String text, boolean complete, Instant publishedAt,
			String author) {

	}

	/**
	 * @param fetched a successful answer
	 * @return the feed
	 * @throws FetchException when the answer is not a feed ROME can read
	 */
	ParsedFeed parse(Fetched fetched) throws FetchException {
		String head = new String(fetched.body(), 0, Math.min(fetched.body().length, 2048), StandardCharsets.UTF_8)
			.replace("\uFEFF", "")
			.stripLeading();
		String start = head.toLowerCase(Locale.ROOT);
		if (start.isEmpty()) {
			throw new FetchException("Not a feed: the answer from " + fetched.uri() + " is empty", false);
		}
		if (looksLikeHtml(start, fetched.contentType())) {
			throw new FetchException("Not a feed: " + fetched.uri() + " answered with an HTML page ("
					+ fetched.contentType() + "), not RSS or Atom" + feedLinkedFrom(fetched), false);
		}
		if (!start.startsWith("<")) {
			throw new FetchException("Not a feed: the answer from " + fetched.uri() + " is not XML ("
					+ fetched.contentType() + ", starts with \"" + excerpt(head) + "\")", false);
		}
		SyndFeedInput input = new SyndFeedInput();
		// RSS 0.91 declares a DOCTYPE; ROME still resolves no external entity.
		input.setAllowDoctypes(true);
		try (XmlReader reader = new XmlReader(new ByteArrayInputStream(fetched.body()), fetched.contentType(), true)) {
			return read(input.build(reader), fetched.uri());
		}
		catch (FeedException | IOException | IllegalArgumentException ex) {
			throw new FetchException(
					"Not a feed: " + fetched.uri() + " could not be read as RSS or Atom: " + ex.getMessage(), false);
		}
	}

	private static ParsedFeed read(SyndFeed feed, URI base) {
		Set<String> keys = new LinkedHashSet<>();
		List<Item> items = new ArrayList<>();
		for (SyndEntry entry : feed.getEntries()) {
			Item item = item(entry, base);
			if (keys.add(item.key())) {
				items.add(item);
			}
		}
		return new ParsedFeed(clean(feed.getTitle()), language(feed.getLanguage()), items);
	}

	private static Item item(SyndEntry entry, URI base) {
		String link = link(entry.getLink(), base);
		String title = clean(entry.getTitle());
		String content = text(entry.getContents());
		String summary = (entry.getDescription() != null) ? text(List.of(entry.getDescription())) : "";
		String text = (content.length() >= summary.length()) ? content : summary;
		String id = (entry.getUri() != null && !entry.getUri().isBlank()) ? "id:" + entry.getUri().strip()
				: (link != null) ? "link:" + ArticleIds.canonicalUrl(link) : "text:" + title + "\n" + text;
		Date published = (entry.getPublishedDate() != null) ? entry.getPublishedDate() : entry.getUpdatedDate();
		return new Item(ArticleIds.combine(id), link, title, text, text.length() >= COMPLETE_TEXT,
				(published != null) ? published.toInstant() : null, clean(entry.getAuthor()));
	}

	private static String text(List<SyndContent> contents) {
		StringBuilder text = new StringBuilder();
		for (SyndContent content : contents) {
			String value = content.getValue();
			boolean plain = content.getType() != null && content.getType().toLowerCase(Locale.ROOT).contains("text")
					&& !content.getType().toLowerCase(Locale.ROOT).contains("html");
			String part = plain ? (value != null ? value.strip() : "") : PageExtractor.text(value);
			if (!part.isEmpty()) {
				text.append(text.isEmpty() ? "" : "\n\n").append(part);
			}
		}
		return text.toString();
	}

	private static String link(String link, URI base) {
		if (link == null || link.isBlank()) {
			return null;
		}
		try {
			return PoliteFetcher.parse(base.resolve(link.strip()).toString()).toString();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String clean(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return value.contains("<") ? Jsoup.parseBodyFragment(value).text().strip() : value.strip();
	}

	private static String language(String declared) {
		if (declared == null) {
			return null;
		}
		String code = declared.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
		return LANGUAGE.matcher(code).matches() ? code : null;
	}

	private static boolean looksLikeHtml(String start, String contentType) {
		boolean feedElement = start.contains("<rss") || start.contains("<feed") || start.contains("<rdf:rdf");
		boolean htmlType = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html");
		return !feedElement && (htmlType || start.startsWith("<!doctype html") || start.contains("<html"));
	}

	/** "; it links to a feed at ..." when the page announces one. */
	private static String feedLinkedFrom(Fetched page) {
		Element link = Jsoup.parse(new String(page.body(), StandardCharsets.UTF_8), page.uri().toString())
			.selectFirst("link[rel=alternate][type~=(?i)application/(rss|atom|rdf)\\+xml][href]");
		return (link != null) ? "; the page links to a feed at " + link.absUrl("href") : "";
	}

	private static String excerpt(String start) {
		String line = start.lines().findFirst().orElse("");
		return (line.length() > 40) ? line.substring(0, 40) + "..." : line;
	}

}
