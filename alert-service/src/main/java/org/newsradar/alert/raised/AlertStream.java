package org.newsradar.alert.raised;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.newsradar.events.AlertRaised;
import org.newsradar.events.Topics;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live feed behind {@code GET /api/alerts/stream}. Each instance follows the
 * {@code alerts} topic from its end with a consumer group of its own, so a client
 * connected anywhere sees the alerts every instance raises.
 */
@Component
class AlertStream {

	private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

	SseEmitter subscribe(List<String> ruleIds) throws IOException {
		return subscribe(ruleIds, false);
	}

	/**
	 * @param ruleIds the rules whose alerts to send, or none for all
	 * @param text whether each event is the alert's one-line summary
	 * ({@link AlertService#line}) rather than its JSON
	 */
	SseEmitter subscribe(List<String> ruleIds, boolean text) throws IOException {
		SseEmitter emitter = new SseEmitter(0L);
		Subscriber subscriber = new Subscriber(emitter, List.copyOf(ruleIds), text);
		emitter.onCompletion(() -> this.subscribers.remove(subscriber));
		emitter.onTimeout(() -> this.subscribers.remove(subscriber));
		emitter.onError((ex) -> this.subscribers.remove(subscriber));
		// A first comment sends the response headers, so clients know they are connected.
		emitter.send(SseEmitter.event().comment("following alerts" + (ruleIds.isEmpty() ? "" : " of " + ruleIds)));
		this.subscribers.add(subscriber);
		return emitter;
	}

	@KafkaListener(topics = Topics.ALERTS, containerFactory = "alertsContainerFactory",
			groupId = "alert-service-stream-#{T(java.util.UUID).randomUUID()}", properties = "auto.offset.reset=latest")
	void onAlert(AlertRaised alert) {
		if (alert == null) {
			return;
		}
		for (Subscriber subscriber : this.subscribers) {
			if (subscriber.ruleIds().isEmpty() || subscriber.ruleIds().contains(alert.ruleId())) {
				try {
					subscriber.emitter()
						.send(SseEmitter.event()
							.id(alert.alertId())
							.name("alert")
							.data(subscriber.text() ? AlertService.line(alert) : alert));
				}
				catch (IOException | IllegalStateException ex) {
					this.subscribers.remove(subscriber);
				}
			}
		}
	}

	private record Subscriber(SseEmitter emitter, List<String> ruleIds, boolean text) {

	}

}
