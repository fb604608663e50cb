package org.newsradar.ingest.fetch;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

/**
 * Each site's robots.txt, read once an hour by one request at a time per site: whether a
 * path may be fetched, and the site's {@code Crawl-delay}.
 */
final class RobotsRules {

	private static final Duration KEPT = Duration.ofHours(1);

	private static final long MAX_SIZE = 512 * 1024;

	private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();

	private final Map<String, Robots> robots = new ConcurrentHashMap<>();

	private final Map<String, Lock> locks = new ConcurrentHashMap<>();

	private final String robotName;

	private final Sender sender;

	private final Clock clock;

	/**
	 * @param robotName the name the rules are read for
	 * @param sender what asks a site for its robots.txt
	 * @param clock the time
	 */
	RobotsRules(String robotName, Sender sender, Clock clock) {
		this.robotName = robotName;
		this.sender = sender;
		this.clock = clock;
	}

	/** Sends one GET, without robots rules of its own. */
	@FunctionalInterface
	interface Sender {

		Fetched send(URI uri, long maxSize) throws FetchException;

	}

	/** Whether the robot may fetch {@code uri}, asking its site first when needed. */
	boolean allows(URI uri) throws FetchException {
		return rulesOf(uri).rules().isAllowed(uri.toString());
	}

	/**
	 * The {@code Crawl-delay} the site asked for, when its rules were read and set one.
	 */
	Duration crawlDelay(URI uri) {
		Robots known = this.robots.get(site(uri));
		return (known != null && known.rules().getCrawlDelay() > 0) ? Duration.ofMillis(known.rules().getCrawlDelay())
				: Duration.ZERO;
	}

	/** {@code scheme://host[:port]}: what one robots.txt covers. */
	private static String site(URI uri) {
		return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT);
	}

	private Robots rulesOf(URI uri) throws FetchException {
		String site = site(uri);
		Lock lock = this.locks.computeIfAbsent(site, (key) -> new ReentrantLock());
		lock.lock();
		try {
			Robots known = this.robots.get(site);
			if (known != null && known.fetchedAt().plus(KEPT).isAfter(this.clock.instant())) {
				return known;
			}
			return read(site);
		}
		finally {
			lock.unlock();
		}
	}

	private Robots read(String site) throws FetchException {
		Instant now = this.clock.instant();
		BaseRobotRules rules;
		try {
			Fetched fetched = this.sender.send(URI.create(site + "/robots.txt"), MAX_SIZE);
			rules = (fetched.status() == 200)
					? this.parser.parseContent(site + "/robots.txt", fetched.body(),
							(fetched.contentType() != null) ? fetched.contentType() : "text/plain", this.robotName)
					: this.parser.failedFetch(fetched.status());
		}
		catch (FetchException ex) {
			if (!ex.isTransient()) {
				throw ex;
			}
			// No answer: crawl nothing now (as for a 5xx), ask again next time.
			rules = this.parser.failedFetch(503);
			now = now.minus(KEPT);
		}
		Robots fresh = new Robots(rules, now);
		this.robots.put(site, fresh);
		return fresh;
	}

	private record Robots(BaseRobotRules rules, Instant fetchedAt) {

	}

}
