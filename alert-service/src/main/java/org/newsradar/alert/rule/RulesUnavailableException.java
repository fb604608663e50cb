package org.newsradar.alert.rule;

/**
 * The rules cannot be read or written right now: the instance is still reading
 * {@code watch-rules} after a start, or Kafka does not answer. Worth trying again.
 */
class RulesUnavailableException extends RuntimeException {

	RulesUnavailableException(String message, Throwable cause) {
		super(message, cause);
	}

}
