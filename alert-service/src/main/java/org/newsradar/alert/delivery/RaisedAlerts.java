package org.newsradar.alert.delivery;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

import org.newsradar.events.AlertRaised;

/**
 * The alerts a rule raised in a period, as they were stored: what a digest is cut from.
 * Implemented where alerts are stored ({@code raised}), so that deliveries do not depend
 * on it.
 */
public interface RaisedAlerts {

	/**
	 * @param ruleId the rule
	 * @param start the first instant of the period (included)
	 * @param end the end of the period (excluded)
	 * @param max how many alerts at the most
	 * @return the alerts matched in the period, oldest first
	 * @throws IOException when they cannot be read
	 */
	List<AlertRaised> raisedBetween(String ruleId, Instant start, Instant end, int max) throws IOException;

}
