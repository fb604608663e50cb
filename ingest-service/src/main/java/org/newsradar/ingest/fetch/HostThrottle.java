package org.newsradar.ingest.fetch;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One request per host at a time, spaced: each caller gets the next free slot of its host
 * and waits for it.
 */
final class HostThrottle {

	private final Map<String, Instant> nextSlot = new ConcurrentHashMap<>();

	private final Clock clock;

	HostThrottle(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Waits until the host of {@code uri} may be asked again.
	 * @param uri where the request goes
	 * @param spacing the time between two requests to that host
	 * @throws FetchException when interrupted while waiting
	 */
	void awaitTurn(URI uri, Duration spacing) throws FetchException {
		String host = uri.getHost().toLowerCase(Locale.ROOT);
		Instant now = this.clock.instant();
		Instant slot = this.nextSlot.compute(host,
				(key, next) -> ((next == null || next.isBefore(now)) ? now : next).plus(spacing));
		Duration wait = Duration.between(now, slot.minus(spacing));
		if (!wait.isNegative() && !wait.isZero()) {
			try {
				Thread.sleep(wait);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new FetchException("Interrupted while waiting for " + host, true);
			}
		}
	}

}
