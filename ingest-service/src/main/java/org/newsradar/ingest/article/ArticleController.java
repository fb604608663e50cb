package org.newsradar.ingest.article;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/articles}: one article or an array of them as JSON, or one article as
 * plain text in the seed-file format (first line the title, the rest the body). Answers
 * 202 with what became of each article when at least one was accepted, 400 when none was.
 */
@RestController
@RequestMapping("/api/articles")
class ArticleController {

	private final SubmissionReader reader;

	private final IngestService ingest;

	ArticleController(SubmissionReader reader, IngestService ingest) {
		this.reader = reader;
		this.ingest = ingest;
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> postJson(@RequestBody JsonNode body) {
		return respond(this.ingest.ingest(this.reader.read(body)));
	}

	@PostMapping(consumes = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<?> postText(@RequestBody String text, @RequestParam(required = false) String url,
			@RequestParam(required = false) String source) {
		SeedFormat.Parsed parsed = SeedFormat.parse(text);
		return respond(
				this.ingest.ingest(new ArticleSubmission(url, source, parsed.title(), parsed.body(), null, null)));
	}

	private ResponseEntity<?> respond(IngestReport report) {
		if (report.accepted() == 0) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
					(report.rejected() == 1)
							? "The article was rejected: " + String.join("; ", report.rejections().get(0).errors())
							: "All " + report.rejected() + " articles were rejected.");
			problem.setTitle("Invalid article");
			problem.setProperty("rejections", report.rejections());
			return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		return ResponseEntity.accepted().body(report);
	}

}
