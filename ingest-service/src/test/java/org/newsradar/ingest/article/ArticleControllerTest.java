package org.newsradar.ingest.article;

import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.newsradar.ingest.IngestProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * {@code POST /api/articles} on its own (a web slice, no Kafka): what each kind of
 * request is answered, the service that takes the articles in replaced by a mock.
 */
@WebMvcTest(ArticleController.class)
@Import({ SubmissionReader.class, ArticleControllerTest.Support.class })
class ArticleControllerTest {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	IngestService ingest;

	@Test
	void anArticleTakenInIsA202SayingWhatBecameOfIt() {
		given(this.ingest.ingest(anyList()))
			.willReturn(IngestReport.of(List.of(new IngestReport.Outcome(0, "a1", "new")), List.of()));

		assertThat(this.mvc.post()
			.uri("/api/articles")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"title\": \"Kazakhstan reaffirms its position\", \"body\": \"...\"}"))
			.hasStatus(HttpStatus.ACCEPTED)
			.bodyJson()
			.hasPathSatisfying("$.articles[0].status", (status) -> assertThat(status).asString().isEqualTo("new"))
			.hasPathSatisfying("$.accepted", (accepted) -> assertThat(accepted).asNumber().isEqualTo(1));
	}

	@Test
	void whenNoArticleIsTakenTheAnswerIsA400ProblemWithEveryReason() {
		given(this.ingest.ingest(anyList())).willReturn(IngestReport.of(List.of(),
				List.of(new IngestReport.Rejection(0, List.of("an article needs a title or a body")))));

		assertThat(this.mvc.post().uri("/api/articles").contentType(MediaType.APPLICATION_JSON).content("{}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.hasPathSatisfying("$.detail",
					(detail) -> assertThat(detail).asString()
						.isEqualTo("The article was rejected: an article needs a title or a body"))
			.hasPathSatisfying("$.rejections[0].errors[0]",
					(error) -> assertThat(error).asString().isEqualTo("an article needs a title or a body"));
	}

	@Test
	void unreadableJsonIsA400ProblemAndTakesNothing() {
		assertThat(this.mvc.post().uri("/api/articles").contentType(MediaType.APPLICATION_JSON).content("{\"title\":"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.ingest);
	}

	@Test
	void anotherMediaTypeIsA415Problem() {
		assertThat(this.mvc.post().uri("/api/articles").contentType(MediaType.APPLICATION_XML).content("<article/>"))
			.hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(this.ingest);
	}

	@Test
	void plainTextIsReadAsATitleLineThenTheBody() {
		given(this.ingest.ingest(any(ArticleSubmission.class)))
			.willReturn(IngestReport.of(List.of(new IngestReport.Outcome(0, "a2", "new")), List.of()));

		assertThat(this.mvc.post()
			.uri("/api/articles?url=https://example.org/a&source=Example")
			.contentType(MediaType.TEXT_PLAIN)
			.content("Joint statement on 30-year relations\n\nThe two ministers signed it.\n"))
			.hasStatus(HttpStatus.ACCEPTED);
		ArgumentCaptor<ArticleSubmission> taken = ArgumentCaptor.forClass(ArticleSubmission.class);
		verify(this.ingest).ingest(taken.capture());
		assertThat(taken.getValue().title()).isEqualTo("Joint statement on 30-year relations");
		assertThat(taken.getValue().body()).isEqualTo("The two ministers signed it.");
		assertThat(taken.getValue().url()).isEqualTo("https://example.org/a");
		assertThat(taken.getValue().source()).isEqualTo("Example");
	}

	@TestConfiguration
	@EnableConfigurationProperties(IngestProperties.class)
	static class Support {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
