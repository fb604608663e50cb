package org.newsradar.alert.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /sign-in} and {@code /sign-out}: an API key presented once for the console. */
@Controller
class SignInController {

	private final ConsoleAccess access;

	SignInController(ConsoleAccess access) {
		this.access = access;
	}

	@GetMapping("/sign-in")
	String form(@RequestParam(defaultValue = "/") String next, Model model) {
		model.addAttribute("next", safe(next));
		return "sign-in";
	}

	@PostMapping("/sign-in")
	String signIn(@RequestParam(defaultValue = "") String key, @RequestParam(defaultValue = "/") String next,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		if (!this.access.isProtected()) {
			return "redirect:" + safe(next);
		}
		ResponseCookie cookie = this.access.signIn(key, request.isSecure());
		if (cookie == null) {
			response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
			model.addAttribute("next", safe(next));
			model.addAttribute("error", key.isBlank() ? "Enter an API key." : "This API key is not valid.");
			return "sign-in";
		}
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
		return "redirect:" + safe(next);
	}

	@PostMapping("/sign-out")
	String signOut(HttpServletRequest request, HttpServletResponse response) {
		response.addHeader(HttpHeaders.SET_COOKIE, ConsoleAccess.signOut(request.isSecure()).toString());
		return "redirect:/sign-in";
	}

	/**
	 * A page of this console to go back to, never another site ("//evil", "https:...").
	 */
	static String safe(String next) {
		boolean local = next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\");
		return local ? next : "/";
	}

}
