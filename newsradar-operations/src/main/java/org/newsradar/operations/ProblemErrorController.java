package org.newsradar.operations;

import java.net.URI;
import java.net.URISyntaxException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container's error page ({@code /error}) answers: everything that left
 * the application without an answer of its own (an exception no handler took, a filter's
 * {@code sendError}) as {@code application/problem+json}, like every other error. A 5xx
 * says no more than that it was logged, so that no internal detail leaks out.
 */
@RestController
@RequestMapping("${server.error.path:/error}")
class ProblemErrorController implements ErrorController {

	@RequestMapping
	ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
		HttpStatus status = status(request);
		ProblemDetail problem = ProblemDetail.forStatus(status);
		String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (status.is5xxServerError()) {
			// The servlet container logs the exception with its stack trace.
			problem.setDetail("The request failed on the server; the failure was logged.");
		}
		else {
			String message = (String) request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
			problem.setDetail((message != null && !message.isBlank()) ? message : status.getReasonPhrase());
		}
		if (path != null) {
			problem.setInstance(asUri(path));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	/** A request path as a URI reference, whatever characters it holds. */
	private static URI asUri(String path) {
		try {
			return new URI(null, null, path, null);
		}
		catch (URISyntaxException ex) {
			return URI.create("");
		}
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null && status.isError()) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
