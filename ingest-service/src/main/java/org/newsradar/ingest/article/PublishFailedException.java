package org.newsradar.ingest.article;

/**
 * Kafka did not take the articles; nothing the client sent may be assumed stored.
 */
public class PublishFailedException extends RuntimeException {

	PublishFailedException(String message, Throwable cause) {
		super(message, cause);
	}

}
