package org.newsradar.alert.raised;

import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.newsradar.operations.NotFoundException;
import org.newsradar.operations.OperationsAutoConfiguration;
import org.newsradar.operations.Pages.Page;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * The alerts API on its own (a web slice, no Kafka, no Elasticsearch): the store over the
 * {@code alerts} index and the live stream replaced by mocks.
 */
@WebMvcTest(AlertController.class)
@ImportAutoConfiguration(OperationsAutoConfiguration.class)
class AlertControllerTest {

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	AlertStore store;

	@MockitoBean
	AlertStream stream;

	@Test
	void theListFiltersByRulesAndStorySaysHowManyAndWhereTheNextPageIs() throws Exception {
		given(this.store.page(any(), anyInt(), any(), anyInt()))
			.willReturn(new Page<>(List.of(), 120, List.of("1764590400000", "a7")));

		assertThat(this.mvc.get().uri("/api/alerts?rule_id=r1&rule_id=r2&story_id=s9&size=0")).hasStatusOk()
			.hasHeader("X-Total-Count", "120")
			.containsHeader("X-Next-Cursor")
			.containsHeader("Link");
		ArgumentCaptor<Query> query = ArgumentCaptor.forClass(Query.class);
		verify(this.store).page(query.capture(), eq(0), eq(null), eq(1));
		assertThat(query.getValue().toString()).contains("\"rule_id\":[\"r1\",\"r2\"]")
			.contains("\"story_id\":{\"value\":\"s9\"}");
	}

	@Test
	void anUnknownAlertIsA404ProblemWhetherReadOrMarked() throws Exception {
		given(this.store.find("nowhere")).willReturn(Optional.empty());
		willThrow(new NotFoundException("alert", "nowhere")).given(this.store).markRead(eq("nowhere"), anyBoolean());

		assertThat(this.mvc.get().uri("/api/alerts/nowhere")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.post().uri("/api/alerts/nowhere/read")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.post().uri("/api/alerts/nowhere/unread")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void aStreamInAnUnknownFormatIsA400ProblemAndNoSubscription() {
		assertThat(this.mvc.get().uri("/api/alerts/stream?format=xml").accept(MediaType.TEXT_EVENT_STREAM))
			.hasStatus(HttpStatus.BAD_REQUEST)
			.bodyText()
			.contains("format must be json or text");
		verifyNoInteractions(this.stream);
	}

}
