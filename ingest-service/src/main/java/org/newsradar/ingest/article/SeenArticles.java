package org.newsradar.ingest.article;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.newsradar.events.Topics;
import org.newsradar.kafka.CompactedTopicView;
import org.newsradar.kafka.CompactedTopicViews;
import org.newsradar.kafka.EventPublisher;
import org.newsradar.kafka.OutageLog;
import org.newsradar.operations.UnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.LivenessState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The articles on {@code articles.raw}, by id, with a fingerprint of their content: a
 * {@link CompactedTopicView} of the topic, loaded before an article is taken (so a
 * restart does not forget what was published; until then a submission is a 503 that says
 * so, and the service is alive but not ready) and followed while the service runs (so
 * that an article another instance published is known here too). An article is new when
 * its id is unknown, a duplicate when id and content match, and an update when the
 * content changed.
 */
@Component
class SeenArticles implements SmartLifecycle {

	static final String FINGERPRINT_HEADER = "newsradar_fingerprint";

	private static final Logger logger = LoggerFactory.getLogger(SeenArticles.class);

	private final Map<String, String> fingerprints = new ConcurrentHashMap<>();

	private final CompactedTopicView<byte[]> view;

	private final Duration timeout;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	SeenArticles(CompactedTopicViews views, EventPublisher publisher, ApplicationEventPublisher events, Clock clock) {
		this.clock = clock;
		this.view = views.create(Topics.ARTICLES_RAW, new ByteArrayDeserializer(), this::remember, () -> logger
			.info("{} articles already published on {}", this.fingerprints.size(), Topics.ARTICLES_RAW));
		this.timeout = publisher.ackTimeout();
		this.events = events;
	}

	enum Status {

		NEW, DUPLICATE, UPDATED

	}

	/**
	 * Records the article and says whether it was new. Atomic per id, so two identical
	 * concurrent submissions are one new article and one duplicate.
	 * @throws UnavailableException while what the topic holds is not known yet
	 */
	Claim claim(String id, String fingerprint) {
		requireLoaded();
		String previous = this.fingerprints.put(id, fingerprint);
		Status status = (previous == null) ? Status.NEW
				: previous.equals(fingerprint) ? Status.DUPLICATE : Status.UPDATED;
		return new Claim(id, fingerprint, previous, status);
	}

	/**
	 * Records the article only when its id is unknown: a known id is a duplicate whatever
	 * the content, and the version first recorded stays. Atomic per id, so two feeds that
	 * carry one article publish it once.
	 * @throws UnavailableException while what the topic holds is not known yet
	 */
	Claim claimFirst(String id, String fingerprint) {
		requireLoaded();
		String previous = this.fingerprints.putIfAbsent(id, fingerprint);
		return new Claim(id, fingerprint, null, (previous == null) ? Status.NEW : Status.DUPLICATE);
	}

	private void requireLoaded() {
		if (!this.view.isLoaded()) {
			throw new UnavailableException("ingest-service is still reading the articles published before it started ("
					+ Topics.ARTICLES_RAW + "), so it cannot yet tell a new article from a duplicate", null);
		}
	}

	/**
	 * Undoes a claim whose publication failed, so that a retry is not taken for a
	 * duplicate.
	 */
	void release(Claim claim) {
		if (claim.previous() == null) {
			this.fingerprints.remove(claim.id(), claim.fingerprint());
		}
		else {
			this.fingerprints.replace(claim.id(), claim.fingerprint(), claim.previous());
		}
	}

	/**
	 * The outcome of {@link #claim}.
	 *
	 * @param id the article id
	 * @param fingerprint its content fingerprint
	 * @param previous the fingerprint known before, or {@code null}
	 * @param status new, duplicate or updated
	 */
	record Claim(String id, String fingerprint, String previous, Status status) {

	}

	String fingerprintOf(String id) {
		return this.fingerprints.get(id);
	}

	private void remember(List<ConsumerRecord<String, byte[]>> records) {
		for (ConsumerRecord<String, byte[]> record : records) {
			Header fingerprint = record.headers().lastHeader(FINGERPRINT_HEADER);
			if (record.key() != null && fingerprint != null) {
				this.fingerprints.put(record.key(), new String(fingerprint.value(), StandardCharsets.UTF_8));
			}
		}
	}

	/**
	 * Starts following the topic and returns once what it held is known, waiting for
	 * Kafka as long as it takes (a line a minute says so) and alive meanwhile.
	 */
	@Override
	public void start() {
		this.view.start();
		AvailabilityChangeEvent.publish(this.events, this, LivenessState.CORRECT);
		this.view.awaitLoaded(this.timeout,
				new OutageLog(logger, "Waiting to read what " + Topics.ARTICLES_RAW + " holds", this.clock));
	}

	@Override
	public void stop() {
		this.view.stop();
	}

	@Override
	public boolean isRunning() {
		return this.view.isRunning();
	}

	@Override
	public int getPhase() {
		return CompactedTopicView.AFTER_WEB_SERVER;
	}

}
