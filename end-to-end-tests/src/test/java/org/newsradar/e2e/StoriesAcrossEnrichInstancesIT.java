package org.newsradar.e2e;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.newsradar.engines.TestEngines;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.newsradar.e2e.Requests.send;

/**
 * Two enrich-service processes in one consumer group, and the English and French reports
 * of several stories posted at once through ingest-service: the versions of a story land
 * on either instance, often both at the same moment, and each story still gets one story
 * id and raises one alert.
 */
class StoriesAcrossEnrichInstancesIT {

	private static final int STORIES = 8;

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final List<ServiceProcess> services = new ArrayList<>();

	private static final String SOURCE = "e2e-stories-" + UUID.randomUUID().toString().substring(0, 8);

	private static ServiceProcess ingest;

	private static ServiceProcess alert;

	/** The articles this test posted. */
	private static final List<String> ids = new ArrayList<>();

	@BeforeAll
	static void startServices() throws Exception {
		String kafka = "--spring.kafka.bootstrap-servers=" + TestEngines.kafkaBootstrapServers();
		String elasticsearch = "--newsradar.elasticsearch.uris=" + TestEngines.elasticsearchUrl();
		ingest = ServiceProcess.start("ingest-service", "384m", kafka);
		services.add(ingest);
		// One consumer each, as docs advise for several instances on three partitions:
		// with
		// the default three, the assignor may give all three partitions to one instance.
		String oneConsumer = "--spring.kafka.listener.concurrency=1";
		services.add(ServiceProcess.start("enrich-service", "1536m", kafka, elasticsearch, oneConsumer));
		services.add(ServiceProcess.start("enrich-service", "1536m", kafka, elasticsearch, oneConsumer));
		alert = ServiceProcess.start("alert-service", "384m", kafka, elasticsearch);
		services.add(alert);
		services.forEach(ServiceProcess::awaitHealthy);
		awaitTwoEnrichMembers();
	}

	/**
	 * Stops the services and takes this test's articles out of the shared index, which
	 * the seeds test counts.
	 */
	@AfterAll
	static void stopServices() throws Exception {
		for (ServiceProcess service : services) {
			service.close();
		}
		Requests.deleteArticles(ids);
	}

	@Test
	void eachStoryPostedInTwoLanguagesAtOnceHasOneStoryIdAndOneAlert() throws Exception {
		String rule = "{\"name\": \"Every article of " + SOURCE + "\", \"sources\": [\"" + SOURCE + "\"]}";
		assertThat(send("PUT", alert.url("/api/rules/" + SOURCE), rule).statusCode()).isIn(200, 201);
		ArrayNode articles = json.createArrayNode();
		for (int i = 0; i < STORIES; i++) {
			storyInTwoLanguages(articles, i);
		}
		HttpResponse<String> posted = send("POST", ingest.url("/api/articles"), json.writeValueAsString(articles));
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
		json.readTree(posted.body()).get("articles").forEach((article) -> ids.add(article.get("id").asString()));
		assertThat(ids).hasSize(2 * STORIES);

		Map<String, String> stories = new HashMap<>();
		await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			for (String id : ids) {
				HttpResponse<String> document = send("GET",
						TestEngines.elasticsearchUrl() + "/articles/_doc/" + id + "?_source=story_id", null);
				if (document.statusCode() == 200) {
					stories.put(id, json.readTree(document.body()).get("_source").get("story_id").asString());
				}
			}
			assertThat(stories).hasSize(ids.size());
		});
		for (int i = 0; i < ids.size(); i += 2) {
			assertThat(stories.get(ids.get(i + 1))).as("the French version of story %d", i / 2)
				.isEqualTo(stories.get(ids.get(i)));
		}
		assertThat(stories.values().stream().distinct()).hasSize(STORIES);

		List<String> alerted = new ArrayList<>();
		await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			alerted.clear();
			for (JsonNode raised : json
				.readTree(send("GET", alert.url("/api/alerts?size=100&rule_id=" + SOURCE), null).body())) {
				alerted.add(raised.get("story_id").asString());
			}
			assertThat(alerted).containsExactlyInAnyOrderElementsOf(stories.values().stream().distinct().toList());
		});
	}

	/**
	 * The English and the French report of one made-up agreement between two countries:
	 * each story of the test has its own countries and subject, and names and figures
	 * drawn anew, so that no two of its stories, and no other article of the shared test
	 * cluster, read alike.
	 */
	private static void storyInTwoLanguages(ArrayNode articles, int story) {
		String[][] parties = { { "Kazakhstan", "Uzbekistan", "le Kazakhstan", "l'Ouzbékistan" },
				{ "Kyrgyzstan", "Tajikistan", "le Kirghizistan", "le Tadjikistan" },
				{ "Turkmenistan", "Azerbaijan", "le Turkménistan", "l'Azerbaïdjan" },
				{ "Mongolia", "South Korea", "la Mongolie", "la Corée du Sud" },
				{ "Georgia", "Armenia", "la Géorgie", "l'Arménie" }, { "Chile", "Peru", "le Chili", "le Pérou" },
				{ "Norway", "Finland", "la Norvège", "la Finlande" },
				{ "Kenya", "Tanzania", "le Kenya", "la Tanzanie" } };
		String[][] subjects = {
				{ "water sharing", "cubic metres of water", "le partage de l'eau", "mètres cubes d'eau" },
				{ "a railway line", "passengers a year", "une ligne ferroviaire", "passagers par an" },
				{ "a gas pipeline", "cubic metres of gas", "un gazoduc", "mètres cubes de gaz" },
				{ "wheat deliveries", "tonnes of wheat", "des livraisons de blé", "tonnes de blé" },
				{ "a power line", "megawatt hours", "une ligne électrique", "mégawattheures" },
				{ "border crossings", "lorries a month", "les postes frontières", "camions par mois" },
				{ "fishing quotas", "tonnes of cod", "des quotas de pêche", "tonnes de cabillaud" },
				{ "a fibre cable", "kilometres of cable", "un câble de fibre", "kilomètres de câble" } };
		String[] party = parties[story % parties.length];
		String[] subject = subjects[story % subjects.length];
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String[] starts = { "Ver", "Tal", "Mor", "Quin", "Zar", "Bel", "Dor", "Kest" };
		String[] ends = { "ani", "obek", "ulov", "essa", "imor", "adyr", "enko", "ista" };
		String minister = starts[random.nextInt(starts.length)] + ends[random.nextInt(ends.length)]
				+ ends[random.nextInt(ends.length)];
		long amount = random.nextLong(1_000_000, 9_000_000);
		long worth = random.nextLong(10_000_000, 90_000_000);
		article(articles, party[0] + " and " + party[1] + " agree on " + subject[0],
				party[0] + " and " + party[1] + " signed an agreement on " + subject[0] + " covering " + amount + " "
						+ subject[1] + ", minister " + minister + " said. The deal is worth " + worth + " dollars.");
		article(articles, capitalised(party[2]) + " et " + party[3] + " s'accordent sur " + subject[2],
				capitalised(party[2]) + " et " + party[3] + " ont signé un accord sur " + subject[2] + " portant sur "
						+ amount + " " + subject[3] + ", a déclaré le ministre " + minister + ". L'accord vaut " + worth
						+ " dollars.");
	}

	private static String capitalised(String text) {
		return Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

	private static void article(ArrayNode articles, String title, String body) {
		ObjectNode article = articles.addObject();
		article.put("source", SOURCE);
		article.put("title", title);
		article.put("body", body);
	}

	/** Waits until both enrich-service processes hold partitions of articles.raw. */
	private static void awaitTwoEnrichMembers() {
		try (Admin admin = Admin
			.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestEngines.kafkaBootstrapServers()))) {
			await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
				ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("enrich-service"))
					.describedGroups()
					.get("enrich-service")
					.get();
				assertThat(group.members()).hasSize(2)
					.allSatisfy((member) -> assertThat(member.assignment().topicPartitions()).isNotEmpty());
			});
		}
	}

}
