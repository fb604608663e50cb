package org.newsradar.ingest.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

import io.micrometer.core.instrument.MeterRegistry;
import org.newsradar.events.ArticleIds;
import org.newsradar.events.ArticleIngested;
import org.newsradar.events.CloudEvents;
import org.newsradar.events.Topics;
import org.newsradar.ingest.article.SeenArticles.Claim;
import org.newsradar.ingest.article.SeenArticles.Status;
import org.newsradar.ingest.article.SubmissionReader.Checked;
import org.newsradar.kafka.EventPublisher;
import org.newsradar.operations.ThroughputLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Gives each valid article its id and publishes the ones not seen before. Returns only
 * once Kafka acknowledged every publication ({@code acks=all}), so an accepted article is
 * durable.
 */
@Service
public class IngestService {

	private static final Logger logger = LoggerFactory.getLogger(IngestService.class);

	private final SeenArticles seen;

	private final EventPublisher publisher;

	private final SubmissionReader reader;

	private final Clock clock;

	private final ThroughputLog throughput;

	private final MeterRegistry metrics;

	IngestService(SeenArticles seen, EventPublisher publisher, SubmissionReader reader, MeterRegistry metrics,
			Clock clock) {
		this.metrics = metrics;
		this.seen = seen;
		this.publisher = publisher;
		this.reader = reader;
		this.clock = clock;
		this.throughput = new ThroughputLog(logger, "Articles taken", ThroughputLog.EVERY, this.clock);
	}

	/**
	 * Checks and ingests one article that did not arrive as JSON (a seed file, a text
	 * body).
	 * @param submission the article
	 * @return what became of it
	 */
	public IngestReport ingest(ArticleSubmission submission) {
		return ingest(List.of(this.reader.check(submission)));
	}

	/**
	 * Publishes one article unless its address (or, without one, its content) was
	 * published before: the version first taken stays, even when this one differs. For
	 * feeds, where two feeds polled at once may carry the same article under different
	 * names.
	 * @param submission the article
	 * @return what became of it: {@code new}, {@code duplicate} or a rejection
	 */
	public IngestReport ingestFirst(ArticleSubmission submission) {
		return ingest(List.of(this.reader.check(submission)), this.seen::claimFirst);
	}

	/**
	 * Whether an article with this address has been published.
	 * @param url an absolute URL, canonical or not
	 */
	public boolean published(String url) {
		return this.seen.fingerprintOf(ArticleIds.of(url, null, null)) != null;
	}

	IngestReport ingest(List<Checked> articles) {
		return ingest(articles, this.seen::claim);
	}

	private IngestReport ingest(List<Checked> articles, BiFunction<String, String, Claim> claims) {
		Instant now = this.clock.instant();
		List<IngestReport.Outcome> outcomes = new ArrayList<>();
		List<IngestReport.Rejection> rejections = new ArrayList<>();
		List<Claim> published = new ArrayList<>();
		List<CompletableFuture<?>> sends = new ArrayList<>();
		for (Checked checked : articles) {
			if (!checked.valid()) {
				rejections.add(new IngestReport.Rejection(checked.index(), checked.errors()));
				continue;
			}
			ArticleSubmission submission = withCanonicalUrl(checked.submission());
			String id = ArticleIds.of(submission.url(), submission.title(), submission.body());
			Claim claim = claims.apply(id, fingerprint(submission));
			if (claim.status() != Status.DUPLICATE) {
				published.add(claim);
				sends.add(publish(article(id, submission, now), claim));
			}
			outcomes.add(new IngestReport.Outcome(checked.index(), id, claim.status().name().toLowerCase(Locale.ROOT)));
		}
		awaitAcknowledgements(published, sends);
		count(outcomes, rejections);
		return IngestReport.of(outcomes, rejections);
	}

	/**
	 * {@code newsradar.articles.ingested} by status ({@code new}, {@code updated},
	 * {@code duplicate}) and {@code newsradar.articles.rejected}; a DEBUG line per
	 * article in the request's trace, an INFO line a minute for them all, and an INFO
	 * line per rejection.
	 */
	private void count(List<IngestReport.Outcome> outcomes, List<IngestReport.Rejection> rejections) {
		for (IngestReport.Outcome outcome : outcomes) {
			this.metrics.counter("newsradar.articles.ingested", "status", outcome.status()).increment();
			logger.debug("Ingested {} ({})", outcome.id(), outcome.status());
		}
		this.throughput.add(outcomes.size());
		if (!rejections.isEmpty()) {
			this.metrics.counter("newsradar.articles.rejected").increment(rejections.size());
			rejections.forEach((rejection) -> logger.info("Rejected article {} of the request: {}", rejection.index(),
					rejection.errors()));
		}
	}

	private CompletableFuture<?> publish(ArticleIngested article, Claim claim) {
		try {
			return this.publisher.publish(Topics.ARTICLES_RAW, article.id(), article, CloudEvents.ARTICLE_INGESTED,
					article.ingestedAt(), Map.of(SeenArticles.FINGERPRINT_HEADER, claim.fingerprint()));
		}
		catch (RuntimeException ex) {
			// The producer refused at once (no metadata within max.block.ms): a failed
			// send.
			return CompletableFuture.failedFuture(ex);
		}
	}

	private void awaitAcknowledgements(List<Claim> claims, List<CompletableFuture<?>> sends) {
		try {
			this.publisher.awaitAcknowledged(sends);
		}
		catch (IllegalStateException ex) {
			for (int i = 0; i < sends.size(); i++) {
				if (!sends.get(i).isDone() || sends.get(i).isCompletedExceptionally()) {
					this.seen.release(claims.get(i));
				}
			}
			throw new PublishFailedException(ex.getMessage(), ex);
		}
	}

	private static ArticleIngested article(String id, ArticleSubmission submission, Instant now) {
		return new ArticleIngested(id, submission.url(), submission.source(),
				Objects.requireNonNullElse(submission.title(), ""), Objects.requireNonNullElse(submission.body(), ""),
				submission.publishedAt(), now, submission.language());
	}

	/** Tracking parameters and spelling variants of a URL do not make another article. */
	private static ArticleSubmission withCanonicalUrl(ArticleSubmission submission) {
		if (submission.url() == null) {
			return submission;
		}
		return new ArticleSubmission(ArticleIds.canonicalUrl(submission.url()), submission.source(), submission.title(),
				submission.body(), submission.publishedAt(), submission.language());
	}

	/** What makes two submissions of the same article the same content. */
	private static String fingerprint(ArticleSubmission submission) {
		return ArticleIds.combine(String.valueOf(submission.url()), String.valueOf(submission.source()),
				String.valueOf(submission.title()), String.valueOf(submission.body()),
				String.valueOf(submission.publishedAt()), String.valueOf(submission.language()));
	}

}
