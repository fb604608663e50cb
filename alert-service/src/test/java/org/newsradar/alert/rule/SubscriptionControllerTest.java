package org.newsradar.alert.rule;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.newsradar.alert.matching.RulePreview;
import org.newsradar.operations.OperationsAutoConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
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
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Subscriptions and the topic list on their own (a web slice): the real checks and
 * taxonomy, the store that keeps rules in Kafka replaced by a mock.
 */
@WebMvcTest(SubscriptionController.class)
@ImportAutoConfiguration(OperationsAutoConfiguration.class)
@Import({ RuleValidator.class, RuleWriter.class, TopicCatalog.class, Subscriptions.class,
		RuleControllerTest.Support.class })
class SubscriptionControllerTest {

	private static final String FOLLOW_ONE_CHINA = """
			{"topic": " One-China ", "channels": [{"type": "webhook", "url": "https://hooks.example.com/in"}]}""";

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	RuleStore store;

	@MockitoBean
	RulePreview preview;

	@Test
	void followingATopicSavesARuleNamedAfterItAndFollowingItAgainIsTheSameRule() {
		given(this.store.findCurrent(anyString())).willReturn(Optional.empty());
		assertThat(this.mvc.post()
			.uri("/api/subscriptions")
			.contentType(MediaType.APPLICATION_JSON)
			.content(FOLLOW_ONE_CHINA)).hasStatus(HttpStatus.CREATED);
		ArgumentCaptor<WatchRule> saved = ArgumentCaptor.forClass(WatchRule.class);
		verify(this.store).save(saved.capture());
		WatchRule rule = saved.getValue();
		assertThat(rule.id()).startsWith("sub-topic-one-china-");
		assertThat(rule.name()).isEqualTo("Topic: One-China principle and Taiwan");
		assertThat(rule.topics()).containsExactly("one-china");

		given(this.store.findCurrent(rule.id())).willReturn(Optional.of(rule));
		assertThat(this.mvc.post()
			.uri("/api/subscriptions")
			.contentType(MediaType.APPLICATION_JSON)
			.content(FOLLOW_ONE_CHINA)).hasStatusOk().bodyJson().extractingPath("$.id").isEqualTo(rule.id());
		verify(this.store, times(2)).save(saved.capture());
		assertThat(saved.getValue().id()).isEqualTo(rule.id());
	}

	@Test
	void aSubscriptionToTwoThingsOrToAnUnknownTopicIsA400ProblemAndNothingIsSaved() {
		given(this.store.findCurrent(anyString())).willReturn(Optional.empty());
		assertThat(this.mvc.post()
			.uri("/api/subscriptions")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"topic\": \"one-china\", \"country\": \"TW\"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].message")
			.asString()
			.contains("give exactly one of topic, country or statement_by (got [topic, country])");
		assertThat(this.mvc.post()
			.uri("/api/subscriptions")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"topic\": \"no-such-topic\"}")).hasStatus(HttpStatus.BAD_REQUEST)
			.bodyJson()
			.extractingPath("$.errors[*].field")
			.asArray()
			.contains("topics");
		verify(this.store, never()).save(any());
	}

	@Test
	void theTopicsAreTheTaxonomysIdsAndNames() {
		assertThat(this.mvc.get().uri("/api/topics")).hasStatusOk()
			.bodyJson()
			.extractingPath("$[?(@.id == 'belt-and-road')].name")
			.asArray()
			.containsExactly("Belt and Road Initiative");
	}

}
