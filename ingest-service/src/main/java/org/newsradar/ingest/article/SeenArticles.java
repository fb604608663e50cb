package org.newsradar.ingest.article;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.newsradar.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * The articles already on {@code articles.raw}, by id, with a fingerprint of their
 * content. It is rebuilt from the topic itself when the service starts (before the web
 * server takes requests), so a restart does not forget what was published. An article is
 * new when its id is unknown, a duplicate when id and content match, and an update when
 * the content changed.
 */
@Component
class SeenArticles implements SmartLifecycle {

	static final String FINGERPRINT_HEADER = "newsradar_fingerprint";

	private static final Logger logger = LoggerFactory.getLogger(SeenArticles.class);

	private final Map<String, String> fingerprints = new ConcurrentHashMap<>();

	private final KafkaProperties kafkaProperties;

	private volatile boolean running;

	SeenArticles(KafkaProperties kafkaProperties) {
		this.kafkaProperties = kafkaProperties;
	}

	enum Status {

		NEW, DUPLICATE, UPDATED

	}

	/**
	 * Records the article and says whether it was new. Atomic per id, so two identical
	 * concurrent submissions are one new article and one duplicate.
	 */
	Claim claim(String id, String fingerprint) {
		String previous = this.fingerprints.put(id, fingerprint);
		Status status = (previous == null) ? Status.NEW
				: previous.equals(fingerprint) ? Status.DUPLICATE : Status.UPDATED;
		return new Claim(id, fingerprint, previous, status);
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

	@Override
	public void start() {
		Map<String, Object> config = this.kafkaProperties.buildConsumerProperties();
		config.put("enable.auto.commit", false);
		config.remove("group.id");
		try (Consumer<String, byte[]> consumer = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())
			.createConsumer()) {
			List<TopicPartition> partitions = consumer.partitionsFor(Topics.ARTICLES_RAW, Duration.ofSeconds(30))
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
			while (partitions.stream().anyMatch((partition) -> consumer.position(partition) < end.get(partition))) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
					Header fingerprint = record.headers().lastHeader(FINGERPRINT_HEADER);
					if (record.key() != null && fingerprint != null) {
						this.fingerprints.put(record.key(), new String(fingerprint.value(), StandardCharsets.UTF_8));
					}
				}
			}
		}
		logger.info("{} articles already published on {}", this.fingerprints.size(), Topics.ARTICLES_RAW);
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	/** Before the web server, which starts in a later phase. */
	@Override
	public int getPhase() {
		return 0;
	}

}
