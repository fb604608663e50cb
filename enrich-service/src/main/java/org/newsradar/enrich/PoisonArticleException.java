package org.newsradar.enrich;

/**
 * An article that can never be enriched or indexed as it is; retrying will not help, so
 * it goes to the dead-letter topic.
 */
public class PoisonArticleException extends RuntimeException {

	public PoisonArticleException(String message, Throwable cause) {
		super(message, cause);
	}

}
