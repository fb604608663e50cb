// New alerts, as alert-service raises them, added at the top of the list.
(function () {
	"use strict";
	const list = document.getElementById("alerts");
	const live = document.getElementById("live");
	const events = new EventSource(list.dataset.stream);

	events.addEventListener("open", function () {
		live.textContent = "Live: new alerts appear here.";
	});
	events.addEventListener("error", function () {
		live.textContent = "Reconnecting…";
	});
	events.addEventListener("alert", function (event) {
		const alert = JSON.parse(event.data);
		const empty = document.getElementById("no-alerts");
		if (empty) {
			empty.remove();
		}
		const existing = list.querySelector('[data-alert-id="' + CSS.escape(alert.alert_id) + '"]');
		if (existing) {
			existing.remove();
		}
		list.prepend(row(alert));
	});

	function row(alert) {
		const item = element("li", "alert new unread");
		item.dataset.alertId = alert.alert_id;
		const head = element("div", "alert-head");
		const title = element("a", "title", alert.title || alert.article_id);
		if (alert.url) {
			title.href = alert.url;
		}
		head.append(title, element("span", "rule", alert.rule_name));
		if (alert.story_id) {
			const story = element("a", "story", "story");
			story.href = list.dataset.stories + encodeURIComponent(alert.story_id);
			story.setAttribute("aria-label", "The story of " + (alert.title || alert.article_id));
			head.append(story);
		}
		head.append(element("time", "", (alert.matched_at || "").substring(0, 16).replace("T", " ") + " UTC"));
		const read = element("form", "inline");
		read.method = "post";
		read.action = list.dataset.alerts + encodeURIComponent(alert.alert_id) + "/read";
		const button = element("button", "", "Mark read");
		button.type = "submit";
		button.setAttribute("aria-label", "Mark read: " + (alert.title || alert.article_id));
		read.append(button);
		head.append(read);
		item.append(head);
		if (alert.snippet) {
			item.append(snippet(alert.snippet));
		}
		const terms = (alert.match && alert.match.terms) || [];
		if (terms.length > 0) {
			item.append(element("p", "why", "Matched " + terms.join(", ")));
		}
		return item;
	}

	// The snippet marks the matched words with <em>; they are shown with <mark>, the rest as text.
	function snippet(text) {
		const paragraph = element("p", "snippet");
		text.split(/(<em>.*?<\/em>)/).forEach(function (piece) {
			const marked = piece.match(/^<em>(.*)<\/em>$/);
			paragraph.append(marked ? element("mark", "", marked[1]) : document.createTextNode(piece));
		});
		return paragraph;
	}

	function element(name, className, text) {
		const node = document.createElement(name);
		if (className) {
			node.className = className;
		}
		if (text !== undefined && text !== null) {
			node.textContent = text;
		}
		return node;
	}
})();
