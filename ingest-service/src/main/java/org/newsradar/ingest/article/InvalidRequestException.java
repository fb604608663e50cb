package org.newsradar.ingest.article;

/**
 * The request as a whole cannot be taken; the message says why.
 */
public class InvalidRequestException extends RuntimeException {

	public InvalidRequestException(String message) {
		super(message);
	}

}
