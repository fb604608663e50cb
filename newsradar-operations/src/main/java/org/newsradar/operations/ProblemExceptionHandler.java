package org.newsradar.operations;

import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Spring MVC's own errors (a malformed body, a parameter of the wrong type, an unknown
 * path, a method not allowed) as {@code application/problem+json}, with a body that
 * cannot be read saying why. A service that needs more extends it.
 */
@RestControllerAdvice
public class ProblemExceptionHandler extends ResponseEntityExceptionHandler {

	/** A Java class named in full: "org.newsradar.alert.rule.WatchRule". */
	private static final Pattern QUALIFIED = Pattern.compile("(?<![\\w$])(?:[a-z_$][\\w$]*\\.)+([A-Z][\\w$]*)");

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				"The body is not valid JSON of the expected shape: " + reason(ex));
		problem.setTitle("Malformed request body");
		return handleExceptionInternal(ex, problem, headers, status, request);
	}

	/** The first line of the parser's message, with Java class names shortened. */
	private static String reason(HttpMessageNotReadableException ex) {
		String message = ex.getMostSpecificCause().getMessage();
		if (message == null || message.isBlank()) {
			return "the body is missing or unreadable";
		}
		int end = message.indexOf('\n');
		String line = (end < 0) ? message : message.substring(0, end);
		return QUALIFIED.matcher(line).replaceAll("$1").strip();
	}

}
