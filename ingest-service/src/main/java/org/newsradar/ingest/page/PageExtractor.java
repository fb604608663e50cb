package org.newsradar.ingest.page;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.dankito.readability4j.Article;
import net.dankito.readability4j.extended.Readability4JExtended;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.newsradar.events.ArticleIds;

/**
 * The article in a news page: the text Mozilla's Readability algorithm (Readability4J)
 * finds, as paragraphs, and what the markup says about it — the canonical URL
 * ({@code <link rel=canonical>}, else {@code og:url}, tracking parameters removed), the
 * headline, author, publication time ({@code article:published_time}, JSON-LD, Dublin
 * Core, {@code <time>}) and language ({@code <html lang>}, {@code og:locale}).
 */
public class PageExtractor {

	/** The elements whose text makes the paragraphs of the body. */
	private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, td";

	/** {@code datePublished} in a JSON-LD script. */
	private static final Pattern DATE_PUBLISHED = Pattern.compile("\"datePublished\"\\s*:\\s*\"([^\"]+)\"");

	/**
	 * A class or id word that marks an advertisement, a share bar, a newsletter box or a
	 * cookie banner, which Readability can leave inside the article.
	 */
	private static final Pattern FURNITURE = Pattern.compile("(?i)(^|[-_\\s])(ad|ads|advert|adverts|advertisement"
			+ "|advertising|sponsored|promo|share|sharing|social|newsletter|cookie|cookies|paywall)([-_\\s]|$)");

	/** The label an advertisement slot carries, in a few languages. */
	private static final Set<String> AD_LABELS = Set.of("advertisement", "advertisements", "ad", "sponsored",
			"publicité", "anzeige", "werbung", "publicidad", "pubblicità", "реклама", "広告", "广告");

	private static final Set<String> BLOCK_TAGS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote",
			"pre", "td");

	/**
	 * Extracts the article.
	 * @param url where the page was fetched from (after redirects)
	 * @param html the page
	 * @return the article; its body is empty when the page holds no readable text
	 */
	public ExtractedPage extract(String url, String html) {
		return extract(url, Jsoup.parse(html, url));
	}

	/**
	 * Extracts the article from a page as it was fetched.
	 * @param url where the page was fetched from (after redirects)
	 * @param html the page's bytes
	 * @param charset the charset of the {@code Content-Type} header, or {@code null} to
	 * take the one the page declares (UTF-8 if none)
	 * @return the article; its body is empty when the page holds no readable text
	 */
	public ExtractedPage extract(String url, byte[] html, String charset) {
		try {
			return extract(url, Jsoup.parse(new ByteArrayInputStream(html), charset, url));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Reading from memory cannot fail", ex);
		}
	}

	/**
	 * The text of an HTML fragment (a feed item's summary or content), a paragraph per
	 * block element.
	 * @param html the fragment, or plain text
	 * @return its text, empty when there is none
	 */
	public static String text(String html) {
		return (html == null || html.isBlank()) ? "" : paragraphs(Jsoup.parseBodyFragment(html).body());
	}

	private ExtractedPage extract(String url, Document document) {
		String canonical = canonicalUrl(document, url);
		String language = language(document);
		Instant published = publishedAt(document);
		String metaTitle = firstContent(document, "meta[property=og:title]", "meta[name=twitter:title]");
		String metaAuthor = firstContent(document, "meta[name=author]", "meta[property=article:author]",
				"meta[name=byl]");
		removeFurniture(document);
		Article article = new Readability4JExtended(url, document).parse();
		String title = (metaTitle != null) ? metaTitle : clean(article.getTitle());
		String author = (metaAuthor != null) ? metaAuthor : clean(article.getByline());
		String body = (article.getArticleContent() != null) ? paragraphs(article.getArticleContent()) : "";
		return new ExtractedPage(canonical, title, body, author, published, language);
	}

	private static String canonicalUrl(Document document, String url) {
		String canonical = absolute(document.selectFirst("link[rel=canonical][href]"), "href");
		if (canonical == null) {
			canonical = absolute(document.selectFirst("meta[property=og:url][content]"), "content");
		}
		return ArticleIds.canonicalUrl((canonical != null) ? canonical : url);
	}

	private static String absolute(Element element, String attribute) {
		if (element == null) {
			return null;
		}
		String value = element.absUrl(attribute);
		return value.startsWith("http://") || value.startsWith("https://") ? value : null;
	}

	/** An ISO 639-1 code from the markup, or {@code null}. */
	private static String language(Document document) {
		String lang = document.select("html").attr("lang");
		if (lang.isBlank()) {
			lang = firstContent(document, "meta[http-equiv=content-language]", "meta[property=og:locale]");
		}
		if (lang == null || lang.isBlank()) {
			return null;
		}
		String code = lang.strip().split("[-_]")[0].toLowerCase(Locale.ROOT);
		return code.matches("[a-z]{2}") ? code : null;
	}

	private static Instant publishedAt(Document document) {
		List<String> candidates = new ArrayList<>();
		for (String selector : List.of("meta[property=article:published_time]", "meta[itemprop=datePublished]",
				"meta[name=date]", "meta[name=pubdate]", "meta[name=dc.date]", "meta[name=DC.date.issued]",
				"meta[name=sailthru.date]")) {
			Element meta = document.selectFirst(selector);
			if (meta != null) {
				candidates.add(meta.attr("content"));
			}
		}
		for (Element script : document.select("script[type=application/ld+json]")) {
			Matcher matcher = DATE_PUBLISHED.matcher(script.data());
			if (matcher.find()) {
				candidates.add(matcher.group(1));
			}
		}
		Element time = document.selectFirst("article time[datetime], time[datetime]");
		if (time != null) {
			candidates.add(time.attr("datetime"));
		}
		for (String candidate : candidates) {
			Instant instant = parseTime(candidate.strip());
			if (instant != null) {
				return instant;
			}
		}
		return null;
	}

	static Instant parseTime(String value) {
		try {
			return OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeParseException ex) {
			// try the next form
		}
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			// try the next form
		}
		try {
			return LocalDate.parse(value.substring(0, Math.min(10, value.length())))
				.atStartOfDay(ZoneOffset.UTC)
				.toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String firstContent(Document document, String... selectors) {
		for (String selector : selectors) {
			Element element = document.selectFirst(selector);
			if (element != null && !element.attr("content").isBlank()) {
				return element.attr("content").strip();
			}
		}
		return null;
	}

	/**
	 * Removes what is marked as advertisement, sharing, newsletter or cookie furniture by
	 * its class or id (unless it holds several paragraphs: a container, not a slot), and
	 * the elements whose whole text is an advertisement label.
	 */
	private static void removeFurniture(Document document) {
		for (Element element : document.body().select("[class], [id]")) {
			if (element.parent() != null && FURNITURE.matcher(element.className() + " " + element.id()).find()
					&& element.select("p").size() < 3) {
				element.remove();
			}
		}
		for (Element element : document.body().select("div, p, span, aside, section")) {
			if (element.parent() != null && AD_LABELS.contains(element.text().strip().toLowerCase(Locale.ROOT))) {
				element.remove();
			}
		}
	}

	/** The text of the outermost block elements, a paragraph each. */
	private static String paragraphs(Element content) {
		StringBuilder text = new StringBuilder();
		for (Element block : content.select(BLOCKS)) {
			if (hasBlockAncestor(block, content)) {
				continue;
			}
			String paragraph = block.text().strip();
			if (!paragraph.isEmpty()) {
				text.append(text.isEmpty() ? "" : "\n\n").append(paragraph);
			}
		}
		return text.isEmpty() ? content.text().strip() : text.toString();
	}

	private static boolean hasBlockAncestor(Element block, Element root) {
		for (Element parent = block.parent(); parent != null && parent != root; parent = parent.parent()) {
			if (BLOCK_TAGS.contains(parent.normalName())) {
				return true;
			}
		}
		return false;
	}

	private static String clean(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	/**
	 * An article extracted from a page.
	 *
	 * @param canonicalUrl the page's canonical URL, tracking parameters removed
	 * @param title the headline, or {@code null}
	 * @param body the text, paragraphs separated by a blank line
	 * @param author who wrote it, or {@code null}
	 * @param publishedAt when it was published, or {@code null}
	 * @param language ISO 639-1 code from the markup, or {@code null}
	 */
	public record ExtractedPage(String canonicalUrl, String title, String body, String author, Instant publishedAt,
			String language) {

	}

}
