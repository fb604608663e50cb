package org.newsradar.ingest.web;

import org.newsradar.ingest.article.InvalidRequestException;
import org.newsradar.ingest.article.PublishFailedException;
import org.newsradar.operations.ProblemExceptionHandler;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;

/**
 * Every error as {@code application/problem+json} with a detail a client can act on: the
 * shared handling, and ingest's own refusals.
 */
@RestControllerAdvice
class ProblemHandler extends ProblemExceptionHandler {

	@ExceptionHandler
	ProblemDetail invalidRequest(InvalidRequestException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Invalid request", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail publishFailed(PublishFailedException ex) {
		return problem(HttpStatus.SERVICE_UNAVAILABLE, "Articles not stored", ex.getMessage()
				+ ". Nothing from this request may be assumed stored; retrying is safe, duplicates are recognised.");
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		PayloadTooLargeException tooLarge = cause(ex, PayloadTooLargeException.class);
		if (tooLarge == null) {
			return super.handleHttpMessageNotReadable(ex, headers, status, request);
		}
		ProblemDetail problem = problem(HttpStatus.CONTENT_TOO_LARGE, "Request body too large", tooLarge.getMessage());
		return ResponseEntity.status(problem.getStatus()).body(problem);
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	private static <T extends Throwable> T cause(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

}
