package org.newsradar.kafka;

/**
 * A record that can never be processed as it is; retrying will not help, so it goes to
 * the dead-letter topic.
 */
public class PoisonMessageException extends RuntimeException {

	public PoisonMessageException(String message, Throwable cause) {
		super(message, cause);
	}

}
