package org.newsradar.alert.delivery;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An alert or a digest as the message a chat tool's incoming webhook takes: Slack's
 * {@code text} in its mrkdwn (links as {@code <url|title>}, {@code &}, {@code <} and
 * {@code >} escaped), Mattermost's {@code text} in Markdown, and for Microsoft Teams a
 * {@code message} with an Adaptive Card (what a Teams Workflows webhook takes). The words
 * the rule matched, marked {@code <em>} in the snippet, are bold.
 */
final class ChatMessages {

	/** What a digest lists; the rest is counted. */
	static final int DIGEST_LINES = 20;

	private ChatMessages() {
	}

	static JsonNode of(String type, Delivery delivery, JsonMapper json) {
		JsonNode payload = delivery.payload();
		boolean digest = "digest".equals(delivery.kind());
		List<JsonNode> alerts = new ArrayList<>();
		if (digest) {
			payload.path("alerts").forEach(alerts::add);
		}
		else {
			alerts.add(payload);
		}
		String heading = digest
				? alerts.size() + " alerts of \u201c" + delivery.ruleName() + "\u201d from "
						+ payload.path("period_start").asString() + " to " + payload.path("period_end").asString()
				: "NewsRadar alert of \u201c" + delivery.ruleName() + "\u201d";
		return switch (type) {
			case "slack" -> json.createObjectNode().put("text", text(heading, alerts, Markup.SLACK, digest));
			case "mattermost" -> json.createObjectNode().put("text", text(heading, alerts, Markup.MARKDOWN, digest));
			case "teams" -> teams(heading, alerts, digest, json);
			default -> throw new IllegalArgumentException("not a chat channel type: " + type);
		};
	}

	private static String text(String heading, List<JsonNode> alerts, Markup markup, boolean digest) {
		StringBuilder text = new StringBuilder(markup.escape(heading));
		for (JsonNode alert : alerts.subList(0, Math.min(alerts.size(), DIGEST_LINES))) {
			text.append("\n").append(markup.link(alert.path("title").asString(), alert.path("url").asString()));
			if (!digest) {
				text.append("\n").append(markup.quote(markup.snippet(alert.path("snippet").asString())));
			}
			text.append("\n").append(markup.escape(facts(alert)));
		}
		if (alerts.size() > DIGEST_LINES) {
			text.append("\n").append("and ").append(alerts.size() - DIGEST_LINES).append(" more");
		}
		return text.toString();
	}

	private static JsonNode teams(String heading, List<JsonNode> alerts, boolean digest, JsonMapper json) {
		ObjectNode card = json.createObjectNode()
			.put("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
			.put("type", "AdaptiveCard")
			.put("version", "1.4");
		ArrayNode body = card.putArray("body");
		body.addObject().put("type", "TextBlock").put("text", heading).put("weight", "Bolder").put("wrap", true);
		for (JsonNode alert : alerts.subList(0, Math.min(alerts.size(), DIGEST_LINES))) {
			body.addObject()
				.put("type", "TextBlock")
				.put("text", Markup.MARKDOWN.link(alert.path("title").asString(), alert.path("url").asString()))
				.put("wrap", true);
			if (!digest) {
				body.addObject()
					.put("type", "TextBlock")
					.put("text", Markup.MARKDOWN.snippet(alert.path("snippet").asString()))
					.put("wrap", true);
			}
			body.addObject().put("type", "TextBlock").put("text", facts(alert)).put("isSubtle", true).put("wrap", true);
		}
		if (alerts.size() > DIGEST_LINES) {
			body.addObject().put("type", "TextBlock").put("text", "and " + (alerts.size() - DIGEST_LINES) + " more");
		}
		ObjectNode message = json.createObjectNode().put("type", "message");
		message.putArray("attachments")
			.addObject()
			.put("contentType", "application/vnd.microsoft.card.adaptive")
			.set("content", card);
		return message;
	}

	/** Language, countries, topics, statement and matched words, on one line. */
	private static String facts(JsonNode alert) {
		List<String> facts = new ArrayList<>();
		facts.add(alert.path("language").asString());
		facts.add("countries " + join(alert.path("countries")));
		facts.add("topics " + join(alert.path("topics")));
		JsonNode statement = alert.path("statement");
		if (statement.isObject()) {
			facts.add("statement (" + statement.path("type").asString() + ") by " + join(statement.path("by")));
		}
		JsonNode terms = alert.path("match").path("terms");
		if (!terms.isEmpty()) {
			facts.add("matched " + join(terms));
		}
		return String.join(" | ", facts);
	}

	private static String join(JsonNode values) {
		List<String> parts = new ArrayList<>();
		values.forEach((value) -> parts.add(value.asString()));
		return parts.isEmpty() ? "none" : String.join(", ", parts);
	}

	/** How each tool writes links, bold and quotes, and what it needs escaped. */
	private enum Markup {

		SLACK {
			@Override
			String escape(String text) {
				return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
			}

			@Override
			String link(String title, String url) {
				return url.isEmpty() ? "*" + escape(title) + "*"
						: "*<" + url + "|" + escape(title).replace("|", "\u2223") + ">*";
			}

			@Override
			String bold(String text) {
				return "*" + text + "*";
			}
		},

		MARKDOWN {
			@Override
			String escape(String text) {
				return text.replaceAll("([\\\\`*_\\[\\]<>#|])", "\\\\$1");
			}

			@Override
			String link(String title, String url) {
				return url.isEmpty() ? "**" + escape(title) + "**"
						: "**[" + escape(title) + "](" + url.replace(")", "%29") + ")**";
			}

			@Override
			String bold(String text) {
				return "**" + text + "**";
			}
		};

		abstract String escape(String text);

		abstract String link(String title, String url);

		abstract String bold(String text);

		String quote(String text) {
			return "> " + text.replace("\n", "\n> ");
		}

		/** The snippet escaped, with what the rule matched (between em tags) bold. */
		String snippet(String snippet) {
			StringBuilder text = new StringBuilder();
			for (String piece : snippet.split("(?=<em>)|(?<=</em>)")) {
				boolean marked = piece.startsWith("<em>") && piece.endsWith("</em>");
				String plain = marked ? piece.substring(4, piece.length() - 5) : piece;
				text.append(marked ? bold(escape(plain)) : escape(plain));
			}
			return text.toString();
		}

	}

}
