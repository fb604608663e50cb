package org.newsradar.operations;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A 503 with {@code Retry-After}, as {@code application/problem+json}: what a request
 * needs (Kafka, Elasticsearch) is away for now, and nothing of it was stored.
 */
public class UnavailableException extends ErrorResponseException {

	/**
	 * @param detail what could not be done, and why
	 * @param cause the failure
	 */
	public UnavailableException(String detail, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(detail), cause);
		getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
	}

	private static ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setTitle("Service unavailable");
		return problem;
	}

}
