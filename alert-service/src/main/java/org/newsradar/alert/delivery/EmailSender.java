package org.newsradar.alert.delivery;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.MimeMessage;
import org.newsradar.alert.AlertProperties;
import org.newsradar.alert.rule.WatchRule;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Email over SMTP with Spring Boot's mail sender ({@code spring.mail.*}): a plain-text
 * message per alert or digest, the delivery id in {@code X-NewsRadar-Delivery} so repeats
 * can be recognised.
 */
@Component
class EmailSender implements ChannelSender {

	private final ObjectProvider<JavaMailSender> mail;

	private final String from;

	EmailSender(ObjectProvider<JavaMailSender> mail, AlertProperties properties) {
		this.mail = mail;
		this.from = properties.delivery().mailFrom();
	}

	@Override
	public List<String> types() {
		return List.of("email");
	}

	@Override
	public void send(Delivery delivery, WatchRule.Channel channel) throws Exception {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null) {
			throw new IllegalStateException("email is not configured on this alert-service (spring.mail.host)");
		}
		MimeMessage message = sender.createMimeMessage();
		MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
		helper.setFrom(this.from);
		helper.setTo(channel.to());
		message.setHeader("X-NewsRadar-Delivery", delivery.deliveryId());
		JsonNode payload = delivery.payload();
		if ("digest".equals(delivery.kind())) {
			List<JsonNode> alerts = new ArrayList<>();
			payload.path("alerts").forEach(alerts::add);
			helper.setSubject("[NewsRadar] " + delivery.ruleName() + ": " + alerts.size() + " alerts");
			StringBuilder text = new StringBuilder(
					"Alerts of \"" + delivery.ruleName() + "\" from " + payload.path("period_start").asString() + " to "
							+ payload.path("period_end").asString() + "\n\n");
			alerts.forEach((alert) -> text.append(describe(alert)).append("\n"));
			helper.setText(text.toString());
		}
		else {
			helper.setSubject("[NewsRadar] " + delivery.ruleName() + ": " + payload.path("title").asString());
			helper.setText(describe(payload));
		}
		sender.send(message);
	}

	private static String describe(JsonNode alert) {
		StringBuilder text = new StringBuilder();
		text.append(alert.path("title").asString()).append('\n');
		if (alert.hasNonNull("url")) {
			text.append(alert.path("url").asString()).append('\n');
		}
		text.append(alert.path("snippet").asString().replace("<em>", "*").replace("</em>", "*")).append('\n');
		text.append("Language: ")
			.append(alert.path("language").asString())
			.append(" | Countries: ")
			.append(join(alert.path("countries")))
			.append(" | Topics: ")
			.append(join(alert.path("topics")))
			.append('\n');
		JsonNode terms = alert.path("match").path("terms");
		if (!terms.isEmpty()) {
			text.append("Matched: ").append(join(terms)).append('\n');
		}
		return text.toString();
	}

	private static String join(JsonNode values) {
		List<String> parts = new ArrayList<>();
		values.forEach((value) -> parts.add(value.asString()));
		return String.join(", ", parts);
	}

}
