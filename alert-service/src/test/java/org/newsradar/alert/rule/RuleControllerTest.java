package org.newsradar.alert.rule;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.newsradar.alert.AlertProperties;
import org.newsradar.alert.matching.RulePreview;
import org.newsradar.operations.OperationsAutoConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The rules API on its own (a web slice, no Kafka, no Elasticsearch): the real checks
 * ({@link RuleValidator}, {@link RuleWriter}), the store that keeps rules in Kafka and
 * the preview that searches Elasticsearch replaced by mocks.
 */
@WebMvcTest(RuleController.class)
@ImportAutoConfiguration(OperationsAutoConfiguration.class)
@Import({ RuleValidator.class, RuleWriter.class, TopicCatalog.class, RuleControllerTest.Support.class })
class RuleControllerTest {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	RuleStore store;

	@MockitoBean
	RulePreview preview;

	@Test
	void aValidRuleSavedUnderANewIdIsA201AndIsStored() {
		given(this.store.findCurrent(anyString())).willReturn(Optional.empty());

		assertThat(this.mvc.put()
			.uri("/api/rules/taiwan")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"name\": \"Taiwan\", \"query\": \"taiwan\", \"countries\": [\"kz\"]}"))
			.hasStatus(HttpStatus.CREATED)
			.hasHeader("Location", "/api/rules/taiwan");
		ArgumentCaptor<WatchRule> saved = ArgumentCaptor.forClass(WatchRule.class);
		verify(this.store).save(saved.capture());
		assertThat(saved.getValue().id()).isEqualTo("taiwan");
		assertThat(saved.getValue().countries()).containsExactly("KZ");
	}

	@Test
	void anInvalidRuleIsA400ProblemNamingEveryFieldAndNothingIsStored() {
		given(this.store.findCurrent(anyString())).willReturn(Optional.empty());

		assertThat(this.mvc.put()
			.uri("/api/rules/bad")
			.contentType(MediaType.APPLICATION_JSON)
			.content(
					"{\"name\": \"\", \"query\": \"\\\"unclosed\", \"countries\": [\"Narnia\"], \"digest\": \"weekly\"}"))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.contains("name", "query", "countries", "digest");
		verify(this.store, never()).save(any());
	}

	@Test
	void anUnknownRuleIsA404Problem() {
		given(this.store.findCurrent("nowhere")).willReturn(Optional.empty());

		assertThat(this.mvc.get().uri("/api/rules/nowhere")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.post().uri("/api/rules/nowhere/pause")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(this.mvc.delete().uri("/api/rules/nowhere")).hasStatus(HttpStatus.NOT_FOUND);
		verify(this.store, never()).save(any());
	}

	@TestConfiguration
	@EnableConfigurationProperties(AlertProperties.class)
	static class Support {

	}

}
