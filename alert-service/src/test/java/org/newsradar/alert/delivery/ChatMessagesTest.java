package org.newsradar.alert.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsradar.alert.rule.WatchRule;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

class ChatMessagesTest {

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void slackGetsMrkdwnWithTheLinkTheMatchedWordsBoldAndItsSpecialCharactersEscaped() {
		String text = ChatMessages.of("slack", alert(), json).get("text").asString();
		assertThat(text).startsWith("NewsRadar alert of \u201cOne-China watch\u201d\n")
			.contains("*<https://example.org/a?x=1&y=2|Kazakhstan &lt;reaffirms&gt; its position>*")
			.contains("> Astana considers *Taiwan* part of China &amp; more")
			.contains(
					"en | countries KZ, CN | topics one-china | statement (ministry_statement) by KZ | matched taiwan");
	}

	@Test
	void mattermostGetsMarkdown() {
		String text = ChatMessages.of("mattermost", alert(), json).get("text").asString();
		assertThat(text).contains("**[Kazakhstan \\<reaffirms\\> its position](https://example.org/a?x=1&y=2)**")
			.contains("> Astana considers **Taiwan** part of China & more");
	}

	@Test
	void teamsGetsAMessageWithAnAdaptiveCard() {
		JsonNode message = ChatMessages.of("teams", alert(), json);
		assertThat(message.get("type").asString()).isEqualTo("message");
		JsonNode attachment = message.get("attachments").get(0);
		assertThat(attachment.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
		JsonNode card = attachment.get("content");
		assertThat(card.get("type").asString()).isEqualTo("AdaptiveCard");
		assertThat(card.get("body").get(0).get("text").asString())
			.isEqualTo("NewsRadar alert of \u201cOne-China watch\u201d");
		assertThat(card.get("body").get(1).get("text").asString()).contains("](https://example.org/a?x=1&y=2)");
		assertThat(card.get("body").get(2).get("text").asString()).contains("**Taiwan**");
	}

	@Test
	void aDigestListsItsAlertsAndCountsWhatItLeavesOut() {
		ObjectNode payload = json.createObjectNode()
			.put("type", "digest")
			.put("period_start", "2026-11-30T08:00:00Z")
			.put("period_end", "2026-11-30T09:00:00Z");
		ArrayNode alerts = payload.putArray("alerts");
		for (int i = 0; i < ChatMessages.DIGEST_LINES + 5; i++) {
			alerts.add(alertJson().put("title", "Story " + i));
		}
		Delivery digest = Delivery.queued("d", "r", "One-China watch", "digest", List.of(), channel("slack"), payload,
				Instant.now(), Duration.ofSeconds(30));
		String text = ChatMessages.of("slack", digest, json).get("text").asString();
		assertThat(text)
			.startsWith("25 alerts of \u201cOne-China watch\u201d from 2026-11-30T08:00:00Z to 2026-11-30T09:00:00Z")
			.contains("Story 0", "Story 19")
			.doesNotContain("Story 20", "> Astana")
			.endsWith("and 5 more");
	}

	private static Delivery alert() {
		return Delivery.queued("d", "r", "One-China watch", "alert", List.of("a"), channel("slack"), alertJson(),
				Instant.now(), Duration.ofSeconds(30));
	}

	private static WatchRule.Channel channel(String type) {
		return new WatchRule.Channel(type, "https://hooks.example.org/x", null, null);
	}

	private static ObjectNode alertJson() {
		ObjectNode alert = json.createObjectNode()
			.put("title", "Kazakhstan <reaffirms> its position")
			.put("url", "https://example.org/a?x=1&y=2")
			.put("snippet", "Astana considers <em>Taiwan</em> part of China & more")
			.put("language", "en");
		alert.putArray("countries").add("KZ").add("CN");
		alert.putArray("topics").add("one-china");
		alert.putObject("statement").put("type", "ministry_statement").putArray("by").add("KZ");
		alert.putObject("match").putArray("terms").add("taiwan");
		return alert;
	}

}
