package org.newsradar.ingest.feed;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.newsradar.ingest.article.ArticleSubmission;
import org.newsradar.ingest.article.IngestReport;
import org.newsradar.ingest.article.IngestService;
import org.newsradar.ingest.feed.FeedParser.Item;
import org.newsradar.ingest.feed.FeedParser.ParsedFeed;
import org.newsradar.ingest.feed.FeedState.ItemTally;
import org.newsradar.ingest.fetch.FetchException;
import org.newsradar.ingest.fetch.Fetched;
import org.newsradar.ingest.fetch.PoliteFetcher;
import org.newsradar.ingest.page.PageExtractor.ExtractedPage;
import org.newsradar.ingest.page.PageExtractor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The items of a feed just read that were not seen before: for each, the linked page when
 * the feed carries only a summary (fetched again at the next polls when it fails for a
 * while), then the article published through {@link IngestService}.
 */
@Component
class ItemIntake {

	/**
	 * Fetches of an item's page that time out or fail with a 5xx before its summary is
	 * taken.
	 */
	static final int PAGE_ATTEMPTS = 3;

	private static final String PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.1";

	private static final Logger logger = LoggerFactory.getLogger(ItemIntake.class);

	private final FeedProperties properties;

	private final PoliteFetcher fetcher;

	private final PageExtractor extractor = new PageExtractor();

	private final IngestService ingest;

	private final MeterRegistry metrics;

	ItemIntake(FeedProperties properties, PoliteFetcher fetcher, IngestService ingest, MeterRegistry metrics) {
		this.properties = properties;
		this.fetcher = fetcher;
		this.ingest = ingest;
		this.metrics = metrics;
	}

	/** Publishes the items not seen before. */
	ItemTally take(Feed feed, ParsedFeed parsed, FeedState before) {
		Set<String> known = new HashSet<>(before.seen());
		List<String> seen = new ArrayList<>();
		Map<String, Integer> retries = new LinkedHashMap<>();
		int published = 0;
		int errors = 0;
		String lastError = null;
		for (Item item : parsed.items()) {
			if (known.contains(item.key())) {
				continue;
			}
			int attempt = before.attempts().getOrDefault(item.key(), 0) + 1;
			Taken taken = takeItem(feed, parsed, item, attempt);
			this.metrics.counter("newsradar.feeds.items", "outcome", taken.outcome().tag()).increment();
			if (taken.error() != null) {
				errors++;
				lastError = taken.error();
				logger.info("Feed {}, item {}: {}", feed.id(), Objects.requireNonNullElse(item.link(), item.title()),
						taken.error());
			}
			if (taken.outcome() == ItemOutcome.RETRY) {
				retries.put(item.key(), attempt);
				continue;
			}
			seen.add(item.key());
			if (taken.outcome().published()) {
				published++;
			}
		}
		return new ItemTally(seen, retries, published, errors, lastError);
	}

	/**
	 * What became of an item.
	 *
	 * @param outcome what became of it
	 * @param error what went wrong, or {@code null}
	 */
	private record Taken(ItemOutcome outcome, String error) {

	}

	private Taken takeItem(Feed feed, ParsedFeed parsed, Item item, int attempt) {
		if (item.link() != null && this.ingest.published(item.link())) {
			return new Taken(ItemOutcome.DUPLICATE, null);
		}
		String source = (feed.name() != null) ? feed.name()
				: (parsed.title() != null) ? parsed.title() : PoliteFetcher.parse(feed.url()).getHost();
		ArticleSubmission article = new ArticleSubmission(item.link(), source, item.title(), item.text(),
				item.publishedAt(), parsed.language());
		String error = null;
		if (!item.complete() && item.link() != null) {
			try {
				ExtractedPage page = fetchPage(item.link());
				if (this.ingest.published(page.canonicalUrl())) {
					// Another feed's item, or another address of it: the version first
					// taken stays.
					return new Taken(ItemOutcome.DUPLICATE, null);
				}
				article = withPage(article, item, page);
			}
			catch (FetchException ex) {
				if (ex.isTransient() && attempt < PAGE_ATTEMPTS) {
					return new Taken(ItemOutcome.RETRY, ex.getMessage() + " (attempt " + attempt + " of "
							+ PAGE_ATTEMPTS + ", tried again next poll)");
				}
				error = ex.getMessage() + (item.text().isEmpty() ? "" : "; the feed's summary was published");
			}
		}
		IngestReport report = this.ingest.ingestFirst(article);
		if (report.rejected() > 0) {
			return new Taken(ItemOutcome.REJECTED,
					"not published: " + String.join("; ", report.rejections().get(0).errors()));
		}
		return new Taken(ItemOutcome.of(report.articles().get(0).status()), error);
	}

	private ExtractedPage fetchPage(String link) throws FetchException {
		Fetched page = this.fetcher.get(PoliteFetcher.parse(link), Map.of("Accept", PAGE_ACCEPT),
				this.properties.maxPageSize());
		page.requireSuccess("page");
		String type = (page.contentType() != null) ? page.contentType().toLowerCase(Locale.ROOT) : "text/html";
		if (!type.contains("html")) {
			throw new FetchException("The page " + page.uri() + " is not HTML (" + page.contentType() + ")", false);
		}
		return this.extractor.extract(page.uri().toString(), page.body(), page.charset());
	}

	/**
	 * The article as the page has it: its canonical URL, its text when that is longer
	 * than the feed's, and what the feed leaves out (date, language).
	 */
	private static ArticleSubmission withPage(ArticleSubmission fromFeed, Item item, ExtractedPage page) {
		String body = (page.body().length() > item.text().length()) ? page.body() : item.text();
		return new ArticleSubmission(page.canonicalUrl(), fromFeed.source(),
				(item.title() != null) ? item.title() : page.title(), body,
				(item.publishedAt() != null) ? item.publishedAt() : page.publishedAt(),
				(page.language() != null) ? page.language() : fromFeed.language());
	}

}
