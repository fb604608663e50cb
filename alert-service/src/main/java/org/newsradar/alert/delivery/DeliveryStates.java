package org.newsradar.alert.delivery;

import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;

import org.springframework.stereotype.Component;

/**
 * Where each alert went: for every channel of its rule, whether the delivery is pending,
 * delivered or given up (dead), after how many attempts and why the last one failed.
 * Digests count for every alert they carry.
 */
@Component
public class DeliveryStates {

	/** A digest carries many alerts; this bounds what one page of alerts reads. */
	private static final int MAX = 1000;

	private final DeliveryLedger ledger;

	DeliveryStates(DeliveryLedger ledger) {
		this.ledger = ledger;
	}

	/**
	 * @param alertIds the alerts
	 * @return for each alert that has deliveries, one state per delivery, newest first
	 * @throws IOException when Elasticsearch cannot be reached
	 */
	public Map<String, List<State>> of(List<String> alertIds) throws IOException {
		Map<String, List<State>> states = new LinkedHashMap<>();
		if (alertIds.isEmpty()) {
			return states;
		}
		List<FieldValue> ids = alertIds.stream().map(FieldValue::of).toList();
		Query query = Query
			.of((q) -> q.terms((terms) -> terms.field("alert_ids").terms((values) -> values.value(ids))));
		for (Delivery delivery : this.ledger.search(query, 0, MAX)) {
			State state = State.of(delivery);
			for (String alertId : delivery.alertIds()) {
				if (alertIds.contains(alertId)) {
					states.computeIfAbsent(alertId, (id) -> new ArrayList<>()).add(state);
				}
			}
		}
		return states;
	}

	/**
	 * A delivery as the console shows it.
	 *
	 * @param channel {@code webhook} or {@code email}
	 * @param target the webhook's host (its path may hold a token) or the address
	 * @param kind {@code alert} or {@code digest}
	 * @param status {@code pending}, {@code delivered} or {@code dead}
	 * @param attempts attempts made
	 * @param deliveredAt when the receiver took it, or {@code null}
	 * @param lastError why the last attempt failed, or {@code null}
	 */
	public record State(String channel, String target, String kind, String status, int attempts, Instant deliveredAt,
			String lastError) {

		static State of(Delivery delivery) {
			String type = delivery.channel().type();
			String target = "email".equals(type) ? delivery.channel().to() : host(delivery.channel().url());
			return new State(type, target, delivery.kind(), delivery.status(), delivery.attempts(),
					delivery.deliveredAt(), delivery.lastError());
		}

		private static String host(String url) {
			try {
				String host = URI.create(url).getHost();
				return (host != null) ? host : "?";
			}
			catch (IllegalArgumentException | NullPointerException ex) {
				return "?";
			}
		}

	}

}
