package org.newsradar.alert.console;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.newsradar.operations.ApiKeyProperties;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the console's pages for those who hold an API key, when keys are configured. A
 * key is presented once on {@code /sign-in}; the browser then keeps a cookie that proves
 * it (an HMAC of a fixed text under the key, so the cookie does not hold the key itself),
 * {@code HttpOnly} and {@code SameSite=Strict}, so that no other site's page can use it
 * to change rules. Without it, a page redirects to the sign-in page. The API keeps its
 * own check ({@code Authorization} or {@code X-API-Key}), the probes stay open.
 * <p>
 * Whether keys are set or not, a form sent to the console from a page of another origin
 * (its {@code Origin} header names another host) is refused with 403: without that, any
 * web page the analyst opens could delete rules of a console that asks for no key.
 */
public class ConsoleAccess extends OncePerRequestFilter {

	static final String COOKIE = "newsradar_console";

	private static final String SIGNED_TEXT = "newsradar-console-v1";

	private static final List<String> OPEN = List.of("/console/", "/sign-in", "/error", "/favicon.ico");

	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

	private final List<byte[]> keys;

	public ConsoleAccess(ApiKeyProperties properties) {
		this.keys = properties.keys()
			.stream()
			.filter((key) -> !key.isBlank())
			.map((key) -> key.strip().getBytes(StandardCharsets.UTF_8))
			.toList();
	}

	/** Whether the console asks for a key at all. */
	public boolean isProtected() {
		return !this.keys.isEmpty();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		// The API guards itself; its description and Swagger UI are public, as on the
		// other
		// services.
		return path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/api-docs")
				|| path.startsWith("/swagger-ui");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!READS.contains(request.getMethod()) && fromAnotherOrigin(request)) {
			response.sendError(HttpServletResponse.SC_FORBIDDEN,
					"A form from another site cannot change this console.");
			return;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (OPEN.stream().anyMatch(path::startsWith) || signedIn(request)) {
			chain.doFilter(request, response);
			return;
		}
		String next = "GET".equals(request.getMethod()) ? path : "/";
		response.setStatus(HttpServletResponse.SC_SEE_OTHER);
		response.setHeader(HttpHeaders.LOCATION,
				request.getContextPath() + "/sign-in?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
	}

	/**
	 * Whether the request names an origin other than the address it was sent to. A
	 * request without {@code Origin} (curl, an older browser's same-origin form) passes.
	 */
	private static boolean fromAnotherOrigin(HttpServletRequest request) {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (origin == null) {
			return false;
		}
		try {
			URI from = URI.create(origin);
			String host = request.getHeader(HttpHeaders.HOST);
			String authority = from.getHost() + ((from.getPort() != -1) ? ":" + from.getPort() : "");
			return host == null || !host.equalsIgnoreCase(authority);
		}
		catch (IllegalArgumentException ex) {
			return true;
		}
	}

	boolean signedIn(HttpServletRequest request) {
		if (!isProtected()) {
			return true;
		}
		Cookie[] cookies = request.getCookies();
		if (cookies == null) {
			return false;
		}
		return Arrays.stream(cookies)
			.filter((cookie) -> COOKIE.equals(cookie.getName()))
			.anyMatch((cookie) -> this.keys.stream()
				.anyMatch((key) -> MessageDigest.isEqual(token(key).getBytes(StandardCharsets.US_ASCII),
						cookie.getValue().getBytes(StandardCharsets.US_ASCII))));
	}

	/**
	 * The cookie that proves a presented key, or {@code null} when the key is not one of
	 * the configured ones.
	 */
	ResponseCookie signIn(String presented, boolean secure) {
		byte[] bytes = presented.strip().getBytes(StandardCharsets.UTF_8);
		boolean known = false;
		for (byte[] key : this.keys) {
			known |= MessageDigest.isEqual(key, bytes);
		}
		return known ? cookie(token(bytes), secure, -1) : null;
	}

	static ResponseCookie signOut(boolean secure) {
		return cookie("", secure, 0);
	}

	private static ResponseCookie cookie(String value, boolean secure, long maxAge) {
		return ResponseCookie.from(COOKIE, value)
			.httpOnly(true)
			.secure(secure)
			.sameSite("Strict")
			.path("/")
			.maxAge(maxAge)
			.build();
	}

	private static String token(byte[] key) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return Base64.getUrlEncoder()
				.withoutPadding()
				.encodeToString(mac.doFinal(SIGNED_TEXT.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is part of every JDK", ex);
		}
	}

}
