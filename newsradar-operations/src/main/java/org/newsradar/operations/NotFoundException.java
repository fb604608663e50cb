package org.newsradar.operations;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A 404 that says what was not found: "No rule with id 'kz-one-china'", as
 * {@code application/problem+json}.
 */
public class NotFoundException extends ErrorResponseException {

	/**
	 * @param kind what was looked for ("rule", "alert")
	 * @param id its id
	 */
	public NotFoundException(String kind, String id) {
		super(HttpStatus.NOT_FOUND, problem(kind, id), null);
	}

	private static ProblemDetail problem(String kind, String id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No " + kind + " with id '" + id + "'");
		problem.setTitle("Not found");
		return problem;
	}

}
