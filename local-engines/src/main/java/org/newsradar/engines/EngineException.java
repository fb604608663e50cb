package org.newsradar.engines;

/**
 * An engine could not be started or stopped; the message says why and what to do.
 */
public class EngineException extends RuntimeException {

	EngineException(String message) {
		super(message);
	}

	EngineException(String message, Throwable cause) {
		super(message, cause);
	}

}
