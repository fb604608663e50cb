package org.newsradar.ingest.web;

import java.io.IOException;

/**
 * The request body passed the configured limit while it was being read.
 */
class PayloadTooLargeException extends IOException {

	PayloadTooLargeException(long limit) {
		super("The request body is larger than the limit of " + limit + " bytes (newsradar.ingest.max-request-size).");
	}

}
