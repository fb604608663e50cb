// The preview of the rule being written, asked for a moment after the analyst stops typing.
(function () {
	"use strict";
	const form = document.getElementById("rule-form");
	const preview = document.getElementById("preview");
	let timer = null;
	let asked = 0;

	form.addEventListener("input", function () {
		clearTimeout(timer);
		timer = setTimeout(refresh, 400);
	});
	refresh();

	function refresh() {
		const data = new URLSearchParams(new FormData(form));
		if (!data.get("name")) {
			data.set("name", "preview");
		}
		const mine = ++asked;
		fetch(form.dataset.preview, { method: "POST", body: data, headers: { "Accept": "text/html" } })
			.then(function (answer) {
				return answer.text();
			})
			.then(function (html) {
				if (mine === asked) {
					preview.innerHTML = html;
				}
			})
			.catch(function () {
				if (mine === asked) {
					preview.textContent = "The preview is not available right now.";
				}
			});
	}
})();
