package org.newsradar.alert.delivery;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import org.newsradar.elasticsearch.IndexSetup;
import org.newsradar.elasticsearch.NewestFirst;
import org.newsradar.operations.Pages.Page;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The {@code alert-deliveries} index: deliveries with their retry state. Creating uses
 * {@code op_type=create}, so queueing the same delivery twice (a redelivered article, a
 * digest cut by two instances) keeps the first; taking a due delivery over uses
 * optimistic concurrency, so one instance attempts it.
 */
@Component
class DeliveryLedger implements InitializingBean {

	static final String ALIAS = "alert-deliveries";

	private static final NewestFirst NEWEST_FIRST = new NewestFirst(ALIAS, "created_at", "delivery_id");

	private final ElasticsearchClient client;

	private final IndexSetup setup;

	DeliveryLedger(ElasticsearchClient client, IndexSetup setup) {
		this.client = client;
		this.setup = setup;
	}

	@Override
	public void afterPropertiesSet() {
		this.setup.ensure(ALIAS, new ClassPathResource("elasticsearch/alert-deliveries-template.json"));
	}

	/**
	 * @return the deliveries that were new; those already there are left as they are
	 */
	List<Delivery> createAll(List<Delivery> deliveries) throws IOException {
		if (deliveries.isEmpty()) {
			return List.of();
		}
		BulkResponse response = this.client.bulk((bulk) -> {
			deliveries.forEach((delivery) -> bulk.operations((operation) -> operation
				.create((create) -> create.index(ALIAS).id(delivery.deliveryId()).document(delivery))));
			return bulk;
		});
		List<Delivery> created = new ArrayList<>();
		for (int i = 0; i < deliveries.size(); i++) {
			var item = response.items().get(i);
			if (item.error() == null) {
				created.add(deliveries.get(i));
			}
			else if (item.status() != 409) {
				throw new IOException("Elasticsearch refused delivery " + deliveries.get(i).deliveryId() + ": "
						+ item.error().reason());
			}
		}
		return created;
	}

	void save(Delivery delivery) throws IOException {
		this.client.index((index) -> index.index(ALIAS).id(delivery.deliveryId()).document(delivery));
	}

	Optional<Delivery> find(String id) throws IOException {
		GetResponse<Delivery> response = this.client.get((get) -> get.index(ALIAS).id(id), Delivery.class);
		return response.found() ? Optional.of(response.source()) : Optional.empty();
	}

	/**
	 * Takes over up to {@code size} pending deliveries that are due and that nobody is
	 * attempting, leasing each until {@code leaseUntil}.
	 */
	List<Delivery> takeDue(Instant now, Instant leaseUntil, int size) throws IOException {
		String at = now.toString();
		List<Hit<Delivery>> due = this.client
			.search((search) -> search.index(ALIAS)
				.seqNoPrimaryTerm(true)
				.size(size)
				.query((query) -> query.bool((bool) -> bool
					.filter((f) -> f.term((t) -> t.field("status").value(Delivery.PENDING)))
					.filter((f) -> f.range((r) -> r.untyped((u) -> u.field("next_attempt_at").lte(JsonData.of(at)))))
					.filter((f) -> f.range((r) -> r.untyped((u) -> u.field("lease_until").lte(JsonData.of(at)))))))
				.sort((sort) -> sort.field((field) -> field.field("next_attempt_at").order(SortOrder.Asc))),
					Delivery.class)
			.hits()
			.hits();
		List<Delivery> taken = new ArrayList<>();
		for (Hit<Delivery> hit : due) {
			Delivery leased = hit.source().leased(leaseUntil);
			try {
				this.client.index((index) -> index.index(ALIAS)
					.id(leased.deliveryId())
					.document(leased)
					.ifSeqNo(hit.seqNo())
					.ifPrimaryTerm(hit.primaryTerm()));
				taken.add(leased);
			}
			catch (ElasticsearchException ex) {
				if (ex.status() != 409) {
					throw ex;
				}
			}
		}
		return taken;
	}

	List<Delivery> search(Query query, int from, int size) throws IOException {
		return page(query, from, null, size).items();
	}

	/** A page of deliveries, newest first (ties by delivery id). */
	Page<Delivery> page(Query query, int from, String cursor, int size) throws IOException {
		return NEWEST_FIRST.page(this.client, query, from, cursor, size, Delivery.class);
	}

}
