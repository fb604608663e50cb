package org.newsradar.alert.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.newsradar.alert.AlertProperties;
import org.newsradar.alert.rule.WatchRule;
import org.newsradar.operations.OutboundGuard;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Webhooks as the Standard Webhooks specification has them: a JSON POST with
 * {@code webhook-id} (the delivery id, the same on every attempt, so receivers can drop
 * repeats), {@code webhook-timestamp} (seconds) and {@code webhook-signature}
 * ({@code v1,} and the base64 HMAC-SHA256 of {@code id.timestamp.body} under the secret's
 * decoded bytes). Any 2xx answer is success. Slack, Mattermost and Microsoft Teams
 * incoming webhooks get the same POST with the message those tools show
 * ({@link ChatMessages}) instead of the alert's JSON, and no signature: their address is
 * their secret.
 */
@Component
class WebhookSender implements ChannelSender {

	private final HttpClient http;

	private final AlertProperties.Delivery properties;

	private final JsonMapper json;

	private final Clock clock;

	private final OutboundGuard outbound;

	WebhookSender(AlertProperties properties, JsonMapper json, OutboundGuard outbound, Clock clock) {
		this.clock = clock;
		this.properties = properties.delivery();
		this.json = json;
		this.outbound = outbound;
		this.http = HttpClient.newBuilder()
			.connectTimeout(this.properties.timeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Override
	public List<String> types() {
		return List.of("webhook", "slack", "mattermost", "teams");
	}

	@Override
	public void send(Delivery delivery, WatchRule.Channel channel) throws IOException, InterruptedException {
		URI url = URI.create(channel.url());
		Optional<String> refusal = this.outbound.refusal(url);
		if (refusal.isPresent()) {
			// Checked again at each attempt: the name may resolve elsewhere since the
			// rule was saved.
			throw new IOException(refusal.get());
		}
		boolean standard = "webhook".equals(channel.type());
		byte[] body = this.json
			.writeValueAsBytes(standard ? delivery.payload() : ChatMessages.of(channel.type(), delivery, this.json));
		HttpRequest.Builder request = HttpRequest.newBuilder(url)
			.timeout(this.properties.timeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "NewsRadar-alert-service")
			.header("webhook-id", delivery.deliveryId())
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		if (standard) {
			String timestamp = Long.toString(this.clock.instant().getEpochSecond());
			request.header("webhook-timestamp", timestamp)
				.header("webhook-signature", "v1," + sign(channel.secret(), delivery.deliveryId(), timestamp, body));
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() / 100 != 2) {
			String answer = response.body().strip();
			throw new IOException("HTTP " + response.statusCode()
					+ (answer.isEmpty() ? "" : ": " + answer.substring(0, Math.min(200, answer.length()))));
		}
	}

	static String sign(String secret, String id, String timestamp, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(secret), "HmacSHA256"));
			mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

	/** The secret's key bytes: base64 after the {@code whsec_} prefix. */
	static byte[] key(String secret) {
		return Base64.getDecoder().decode(secret.substring(WatchRule.SECRET_PREFIX.length()));
	}

}
