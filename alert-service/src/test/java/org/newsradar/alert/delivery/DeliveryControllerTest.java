package org.newsradar.alert.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.newsradar.alert.rule.WatchRule;
import org.newsradar.operations.OperationsAutoConfiguration;
import org.newsradar.operations.Pages.Page;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
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
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The deliveries API on its own (a web slice, no Kafka, no Elasticsearch): the ledger
 * over the {@code alert-deliveries} index replaced by a mock, the time fixed.
 */
@WebMvcTest(DeliveryController.class)
@ImportAutoConfiguration(OperationsAutoConfiguration.class)
@Import(DeliveryControllerTest.FixedClock.class)
class DeliveryControllerTest {

	private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

	@Autowired
	MockMvcTester mvc;

	@MockitoBean
	DeliveryLedger ledger;

	@Test
	void theListFiltersByStateRuleAndAlertAndKeepsItsPageSizeWithinBounds() throws Exception {
		given(this.ledger.page(any(), anyInt(), isNull(), anyInt()))
			.willReturn(new Page<>(List.of(delivery(Delivery.DEAD)), 7, null));

		assertThat(this.mvc.get().uri("/api/deliveries?status=dead&rule_id=r1&alert_id=a1&size=10000&from=-3"))
			.hasStatusOk()
			.hasHeader("X-Total-Count", "7")
			.bodyJson()
			.extractingPath("$[0].status")
			.isEqualTo("dead");
		ArgumentCaptor<Query> query = ArgumentCaptor.forClass(Query.class);
		verify(this.ledger).page(query.capture(), eq(0), isNull(), eq(500));
		assertThat(query.getValue().toString()).contains("\"status\":{\"value\":\"dead\"}")
			.contains("\"rule_id\":{\"value\":\"r1\"}")
			.contains("\"alert_ids\":{\"value\":\"a1\"}");
	}

	@Test
	void aDeadDeliveryRetriedIsPendingAndDueNowWithAFreshCount() throws Exception {
		given(this.ledger.find("d1")).willReturn(Optional.of(delivery(Delivery.DEAD)));

		assertThat(this.mvc.post().uri("/api/deliveries/d1/retry")).hasStatus(HttpStatus.ACCEPTED)
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("pending");
		ArgumentCaptor<Delivery> saved = ArgumentCaptor.forClass(Delivery.class);
		verify(this.ledger).save(saved.capture());
		assertThat(saved.getValue().attempts()).isZero();
		assertThat(saved.getValue().nextAttemptAt()).isEqualTo(NOW);
		assertThat(saved.getValue().lastError()).as("the reason it died is kept").isEqualTo("HTTP 410");
	}

	@Test
	void onlyADeadDeliveryIsRetriedAndAnUnknownOneIsA404() throws Exception {
		given(this.ledger.find("d1")).willReturn(Optional.of(delivery(Delivery.PENDING)));
		given(this.ledger.find("nowhere")).willReturn(Optional.empty());

		assertThat(this.mvc.post().uri("/api/deliveries/d1/retry")).hasStatus(HttpStatus.CONFLICT)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.detail")
			.asString()
			.contains("is pending; only dead deliveries are retried");
		assertThat(this.mvc.post().uri("/api/deliveries/nowhere/retry")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(this.mvc.get().uri("/api/deliveries/nowhere")).hasStatus(HttpStatus.NOT_FOUND)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		verify(this.ledger, never()).save(any());
	}

	private static Delivery delivery(String status) {
		Delivery queued = Delivery.queued("d1", "r1", "rule", "alert", List.of("a1"),
				new WatchRule.Channel("webhook", "https://hooks.example.com/in", null, null),
				JsonNodeFactory.instance.objectNode().put("id", "a1"), NOW.minusSeconds(3600), Duration.ofSeconds(30));
		return status.equals(Delivery.DEAD) ? queued.failed("HTTP 410", null, NOW.minusSeconds(60)) : queued;
	}

	@TestConfiguration
	static class FixedClock {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

	}

}
