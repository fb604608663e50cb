package org.newsradar.alert.rule;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * An invalid rule, however it came (rules, preview, subscriptions), is a 400 problem
 * whose {@code errors} name each field and what is wrong with it; rules that cannot be
 * read or written right now are a 503 to try again.
 */
@RestControllerAdvice(basePackageClasses = RuleProblems.class)
class RuleProblems {

	@ExceptionHandler
	ProblemDetail invalid(InvalidRuleException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Invalid rule");
		problem.setProperty("errors", ex.errors());
		return problem;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unavailable(RulesUnavailableException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
		problem.setTitle("Rules unavailable");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
	}

}
