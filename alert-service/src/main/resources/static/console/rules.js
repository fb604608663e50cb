// Deleting a rule asks first.
(function () {
	"use strict";
	document.querySelectorAll("form.delete").forEach(function (form) {
		form.addEventListener("submit", function (event) {
			if (!window.confirm("Delete this rule? Its alerts stay, but it raises nothing more.")) {
				event.preventDefault();
			}
		});
	});
})();
