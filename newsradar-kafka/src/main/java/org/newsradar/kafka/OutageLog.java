package org.newsradar.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;

/**
 * The log lines of an outage of something a service needs (Kafka, Elasticsearch): a WARN
 * when it starts, one a minute while it lasts, an INFO when it ends, however often the
 * service tries in between. Thread-safe.
 */
public final class OutageLog {

	static final Duration REPEAT_EVERY = Duration.ofMinutes(1);

	private final Logger logger;

	private final String what;

	private final Clock clock;

	private Instant since;

	private Instant lastSaid;

	/**
	 * @param logger where to say it
	 * @param what what fails, as the start of a sentence ("Kafka cannot be reached")
	 * @param clock the time
	 */
	public OutageLog(Logger logger, String what, Clock clock) {
		this.logger = logger;
		this.what = what;
		this.clock = clock;
	}

	/** Notes a failure, and says so when it is news or the last line is a minute old. */
	public synchronized void failed(String reason) {
		Instant now = this.clock.instant();
		if (this.since == null) {
			this.since = now;
			this.lastSaid = now;
			this.logger.warn("{}: {}", this.what, reason);
		}
		else if (!now.isBefore(this.lastSaid.plus(REPEAT_EVERY))) {
			this.lastSaid = now;
			this.logger.warn("{}, for {} s now: {}", this.what, seconds(), reason);
		}
	}

	/** Notes a success, and says the outage is over if there was one. */
	public synchronized void succeeded() {
		if (this.since != null) {
			this.logger.info("{}: over after {} s", this.what, seconds());
			this.since = null;
		}
	}

	private long seconds() {
		return Duration.between(this.since, this.clock.instant()).toSeconds();
	}

}
