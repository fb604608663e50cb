package org.newsradar.operations;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;

/**
 * One INFO line a period for a stage of the hot path, instead of one per item: how many
 * items it handled since the last line, at what rate, and since start. Counting is a
 * {@link LongAdder} increment; the line is written by the first caller after the period
 * is over (nothing is written while the stage is idle). Thread-safe.
 */
public final class ThroughputLog {

	/** How often a busy stage says how it goes. */
	public static final Duration EVERY = Duration.ofMinutes(1);

	private final Logger logger;

	private final String what;

	private final Duration every;

	private final InstantSource clock;

	private final LongAdder count = new LongAdder();

	private volatile Instant due;

	private Instant since;

	private long total;

	/**
	 * @param logger where to say it
	 * @param what the items, as the start of a sentence ("Enriched articles")
	 * @param every how often at most
	 * @param clock the time
	 */
	public ThroughputLog(Logger logger, String what, Duration every, InstantSource clock) {
		this.logger = logger;
		this.what = what;
		this.every = every;
		this.clock = clock;
	}

	/**
	 * Counts items handled, and says how it goes when the period is over.
	 * @param items how many
	 */
	public void add(long items) {
		this.count.add(items);
		Instant now = this.clock.instant();
		Instant when = this.due;
		if (when == null || !now.isBefore(when)) {
			report(now);
		}
	}

	private synchronized void report(Instant now) {
		if (this.due == null) {
			this.since = now;
			this.due = now.plus(this.every);
			return;
		}
		if (now.isBefore(this.due)) {
			return;
		}
		long items = this.count.sumThenReset();
		this.total += items;
		double seconds = Math.max(0.001, Duration.between(this.since, now).toMillis() / 1000.0);
		this.logger.info("{}: {} in the last {} s ({} a second), {} since start", this.what, items, Math.round(seconds),
				String.format(Locale.ROOT, "%.1f", items / seconds), this.total);
		this.since = now;
		this.due = now.plus(this.every);
	}

}
