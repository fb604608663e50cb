package org.newsradar.alert.raised;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import org.newsradar.alert.delivery.RaisedAlerts;
import org.newsradar.elasticsearch.IndexSetup;
import org.newsradar.elasticsearch.NewestFirst;
import org.newsradar.events.AlertRaised;
import org.newsradar.events.ArticleEnriched;
import org.newsradar.operations.NotFoundException;
import org.newsradar.operations.Pages.Page;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The {@code alerts} index, which is also what makes an alert happen once per (rule,
 * story) across restarts and instances: an alert is created under its id with
 * {@code op_type=create}, so only the first article of a story creates it; later ones
 * find it there and are attached to it (with optimistic concurrency, since the minimal
 * node has no scripts).
 */
@Component
public class AlertStore implements InitializingBean, RaisedAlerts {

	public static final String ALIAS = "alerts";

	private static final NewestFirst NEWEST_FIRST = new NewestFirst(ALIAS, "matched_at", "alert_id");

	private static final int ATTACH_ATTEMPTS = 10;

	private final ElasticsearchClient client;

	private final IndexSetup setup;

	private final JsonMapper json;

	private final Clock clock;

	AlertStore(ElasticsearchClient client, IndexSetup setup, JsonMapper json, Clock clock) {
		this.clock = clock;
		this.client = client;
		this.setup = setup;
		this.json = json;
	}

	@Override
	public void afterPropertiesSet() {
		this.setup.ensure(ALIAS, new ClassPathResource("elasticsearch/alerts-template.json"));
	}

	/**
	 * Records what a batch of articles matched, in one bulk request.
	 * @param alerts one alert per matched rule and article, each for the article's story
	 * @return the alerts to publish, and the articles whose alert Elasticsearch refused
	 * as invalid
	 * @throws IOException when Elasticsearch cannot be reached or refuses an alert for a
	 * reason that may pass (overloaded, shards unavailable, index closed): worth retrying
	 */
	public Outcome raise(List<Raised> alerts) throws IOException {
		if (alerts.isEmpty()) {
			return new Outcome(List.of(), Map.of());
		}
		BulkResponse response = this.client.bulk((bulk) -> {
			alerts.forEach((raised) -> bulk.operations((operation) -> operation.create((create) -> create.index(ALIAS)
				.id(raised.alert().alertId())
				.document(AlertDocument.raised(raised.alert(), raised.article()).toJson(this.json)))));
			return bulk;
		});
		List<AlertRaised> toPublish = new ArrayList<>();
		Map<String, String> refused = new LinkedHashMap<>();
		for (int i = 0; i < alerts.size(); i++) {
			BulkResponseItem item = response.items().get(i);
			Raised raised = alerts.get(i);
			if (item.error() == null) {
				toPublish.add(raised.alert());
			}
			else if (item.status() == 409) {
				attach(raised.alert().alertId(), raised.article()).ifPresent(toPublish::add);
			}
			else if (item.status() == 400 && !"index_closed_exception".equals(item.error().type())) {
				refused.putIfAbsent(raised.article().id(), item.error().type() + " " + item.error().reason());
			}
			else {
				throw new IOException("Elasticsearch refused alert " + raised.alert().alertId() + " (" + item.status()
						+ "): " + item.error().type() + " " + item.error().reason());
			}
		}
		return new Outcome(toPublish, refused);
	}

	/**
	 * What {@link #raise} did.
	 *
	 * @param toPublish the alerts to publish on the {@code alerts} topic: those created
	 * now, and those the same article (same version) created before, since reading it
	 * again means it may not have been published (a crash before its offset was
	 * committed)
	 * @param refused by article id, why Elasticsearch refused its alert as invalid: a
	 * record that can never be processed
	 */
	public record Outcome(List<AlertRaised> toPublish, Map<String, String> refused) {

	}

	public Optional<AlertDocument> find(String alertId) throws IOException {
		GetResponse<ObjectNode> response = this.client.get((get) -> get.index(ALIAS).id(alertId), ObjectNode.class);
		return response.found() ? Optional.of(AlertDocument.fromJson(response.source(), this.json)) : Optional.empty();
	}

	/**
	 * Marks one alert read (now) or unread.
	 * @throws NotFoundException when there is no such alert
	 * @throws IOException when Elasticsearch cannot be reached
	 */
	public void markRead(String alertId, boolean read) throws IOException {
		if (markRead(List.of(alertId), read).isEmpty()) {
			throw new NotFoundException("alert", alertId);
		}
	}

	/**
	 * Marks alerts read (now) or unread. Alerts that are not there are left out of the
	 * answer.
	 * @param alertIds the alerts
	 * @param read read, or unread again
	 * @return the ids of the alerts that were marked
	 * @throws IOException when Elasticsearch cannot be reached
	 */
	public List<String> markRead(List<String> alertIds, boolean read) throws IOException {
		if (alertIds.isEmpty()) {
			return List.of();
		}
		// As JSON text: the client would leave a null out of a map.
		JsonData change = JsonData
			.fromJson("{\"read_at\": " + (read ? "\"" + Instant.now(this.clock) + "\"" : "null") + "}");
		BulkResponse response = this.client.bulk((bulk) -> {
			for (String alertId : alertIds) {
				bulk.operations((operation) -> operation.update((update) -> update.index(ALIAS)
					.id(alertId)
					.retryOnConflict(3)
					.action((action) -> action.doc(change))));
			}
			// Seen by the next page at once: the alerts index refreshes only every 5 s.
			return bulk.refresh(Refresh.True);
		});
		List<String> marked = new ArrayList<>();
		for (BulkResponseItem item : response.items()) {
			if (item.error() == null) {
				marked.add(item.id());
			}
			else if (item.status() != 404) {
				throw new IOException("Cannot mark alert " + item.id() + ": " + item.error().reason());
			}
		}
		return marked;
	}

	@Override
	public List<AlertRaised> raisedBetween(String ruleId, Instant start, Instant end, int max) throws IOException {
		Query query = Query
			.of((q) -> q.bool((bool) -> bool.filter((f) -> f.term((t) -> t.field("rule_id").value(ruleId)))
				.filter((f) -> f.range((r) -> r.untyped((u) -> u.field("matched_at")
					.gte(JsonData.of(start.toString()))
					.lt(JsonData.of(end.toString())))))));
		List<AlertRaised> raised = new ArrayList<>(search(query, 0, max).stream().map(AlertDocument::alert).toList());
		raised.sort(Comparator.comparing(AlertRaised::matchedAt));
		return raised;
	}

	/**
	 * @param query which alerts
	 * @param from how many of the newest to skip
	 * @param size how many to return
	 * @return the alerts, newest first
	 */
	public List<AlertDocument> search(Query query, int from, int size) throws IOException {
		return page(query, from, null, size).items();
	}

	/**
	 * A page of alerts, newest first (ties by alert id).
	 * @param query which alerts
	 * @param from how many of the newest to skip, when there is no cursor
	 * @param cursor where the page starts ({@link Pages}), or {@code null}
	 * @param size how many to return
	 * @return the page, with the total and the next page's keys
	 */
	public Page<AlertDocument> page(Query query, int from, String cursor, int size) throws IOException {
		Page<ObjectNode> page = NEWEST_FIRST.page(this.client, query, from, cursor, size, ObjectNode.class);
		return new Page<>(page.items().stream().map((source) -> AlertDocument.fromJson(source, this.json)).toList(),
				page.total(), page.next());
	}

	/**
	 * How many alerts each of these rules raised, and when the last one. (Only these: the
	 * index also holds the alerts of rules deleted since, which must not crowd them out
	 * of the counts.)
	 * @param ruleIds the rules
	 * @return by rule id, for the rules that raised any
	 * @throws IOException when Elasticsearch cannot be reached
	 */
	public Map<String, Activity> activity(List<String> ruleIds) throws IOException {
		if (ruleIds.isEmpty()) {
			return Map.of();
		}
		List<FieldValue> ids = ruleIds.stream().map(FieldValue::of).toList();
		SearchResponse<Void> response = this.client.search(
				(search) -> search.index(ALIAS)
					.size(0)
					.query((query) -> query
						.terms((terms) -> terms.field("rule_id").terms((values) -> values.value(ids))))
					.aggregations("rules",
							(rule) -> rule.terms((terms) -> terms.field("rule_id").size(ids.size()))
								.aggregations("last", (last) -> last.max((max) -> max.field("matched_at")))),
				Void.class);
		Map<String, Activity> activity = new LinkedHashMap<>();
		for (StringTermsBucket bucket : response.aggregations().get("rules").sterms().buckets().array()) {
			double last = bucket.aggregations().get("last").max().value();
			activity.put(bucket.key().stringValue(),
					new Activity(bucket.docCount(), Double.isFinite(last) ? Instant.ofEpochMilli((long) last) : null));
		}
		return activity;
	}

	/**
	 * What a rule raised.
	 *
	 * @param alerts how many alerts (one per story)
	 * @param last when the newest was raised
	 */
	public record Activity(long alerts, Instant last) {

	}

	/**
	 * An alert an article raised.
	 *
	 * @param alert the alert
	 * @param article the article
	 */
	public record Raised(AlertRaised alert, ArticleEnriched article) {

	}

	private Optional<AlertRaised> attach(String alertId, ArticleEnriched article) throws IOException {
		for (int attempt = 0; attempt < ATTACH_ATTEMPTS; attempt++) {
			GetResponse<ObjectNode> current = this.client.get((get) -> get.index(ALIAS).id(alertId), ObjectNode.class);
			AlertDocument document = AlertDocument.fromJson(current.source(), this.json);
			if (document.has(article.id())) {
				// Read again after a crash: publish again (at least once; the alert id
				// lets
				// receivers drop the repeat). An update of the article raises nothing
				// new.
				return document.raisedBy(article) ? Optional.of(document.alert()) : Optional.empty();
			}
			try {
				this.client.index((index) -> index.index(ALIAS)
					.id(alertId)
					.document(document.attach(article, Instant.now(this.clock)).toJson(this.json))
					.ifSeqNo(current.seqNo())
					.ifPrimaryTerm(current.primaryTerm()));
				return Optional.empty();
			}
			catch (ElasticsearchException ex) {
				if (ex.status() != 409) {
					throw ex;
				}
			}
		}
		throw new IOException("Could not attach article " + article.id() + " to alert " + alertId + " after "
				+ ATTACH_ATTEMPTS + " concurrent changes");
	}

}
