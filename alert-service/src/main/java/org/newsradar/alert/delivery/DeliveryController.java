package org.newsradar.alert.delivery;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import co.elastic.clients.elasticsearch._types.query_dsl.BoolQuery;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import org.newsradar.operations.NotFoundException;
import org.newsradar.operations.Pages;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/deliveries}: every delivery with its state ({@code pending},
 * {@code delivered}, {@code dead}), attempts and last error, newest first; and
 * {@code POST /api/deliveries/{id}/retry} to send a dead one again.
 */
@RestController
@RequestMapping("/api/deliveries")
class DeliveryController {

	private final DeliveryLedger ledger;

	private final Clock clock;

	DeliveryController(DeliveryLedger ledger, Clock clock) {
		this.ledger = ledger;
		this.clock = clock;
	}

	/** Newest first, in pages as {@code GET /api/alerts} has them ({@link Pages}). */
	@GetMapping
	ResponseEntity<List<Delivery>> list(@RequestParam(required = false) String status,
			@RequestParam(name = "rule_id", required = false) String ruleId,
			@RequestParam(name = "alert_id", required = false) String alertId,
			@RequestParam(defaultValue = "0") int from, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "50") int size) throws IOException {
		Query query = Query.of((q) -> q.bool((bool) -> {
			term(bool, "status", status);
			term(bool, "rule_id", ruleId);
			term(bool, "alert_ids", alertId);
			return bool;
		}));
		return Pages.respond(this.ledger.page(query, Math.max(0, from), cursor, Math.clamp(size, 1, 500)));
	}

	@GetMapping("/{id}")
	Delivery get(@PathVariable String id) throws IOException {
		return this.ledger.find(id).orElseThrow(() -> new NotFoundException("delivery", id));
	}

	/** Makes a dead delivery due now, with a fresh count of attempts. */
	@PostMapping("/{id}/retry")
	ResponseEntity<Delivery> retry(@PathVariable String id) throws IOException {
		Delivery found = this.ledger.find(id).orElseThrow(() -> new NotFoundException("delivery", id));
		if (!Delivery.DEAD.equals(found.status())) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
					"Delivery '" + id + "' is " + found.status() + "; only dead deliveries are retried");
			problem.setTitle("Not dead");
			throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
		}
		Delivery redriven = found.redriven(this.clock.instant());
		this.ledger.save(redriven);
		return ResponseEntity.accepted().body(redriven);
	}

	private static void term(BoolQuery.Builder bool, String field, String value) {
		if (value != null) {
			bool.filter((f) -> f.term((t) -> t.field(field).value(value)));
		}
	}

}
