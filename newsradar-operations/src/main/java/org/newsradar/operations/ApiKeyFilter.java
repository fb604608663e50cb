package org.newsradar.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Asks for an API key on {@code /api/**}: on every request that changes something
 * ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}), and on reads too when
 * {@code newsradar.api.protect-reads} is set. The key comes as
 * {@code Authorization: Bearer <key>} or {@code X-API-Key: <key>}; without a valid one
 * the answer is a 401 {@code application/problem+json}. Actuator endpoints are not under
 * {@code /api} and stay open to probes and scrapers.
 */
class ApiKeyFilter extends OncePerRequestFilter {

	static final String HEADER = "X-API-Key";

	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

	private final List<byte[]> keys;

	private final boolean protectReads;

	ApiKeyFilter(ApiKeyProperties properties) {
		this.keys = properties.keys()
			.stream()
			.filter((key) -> !key.isBlank())
			.map((key) -> key.strip().getBytes(StandardCharsets.UTF_8))
			.toList();
		this.protectReads = properties.protectReads();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean api = path.equals("/api") || path.startsWith("/api/");
		return !api || (!this.protectReads && READS.contains(request.getMethod()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = presentedKey(request);
		if (presented == null) {
			refuse(response, "This endpoint needs an API key: send it as 'Authorization: Bearer <key>' or '" + HEADER
					+ ": <key>'.");
		}
		else if (!isKnown(presented)) {
			refuse(response, "The API key is not valid.");
		}
		else {
			chain.doFilter(request, response);
		}
	}

	private static String presentedKey(HttpServletRequest request) {
		String header = request.getHeader(HEADER);
		if (header != null && !header.isBlank()) {
			return header.strip();
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return authorization.substring(7).strip();
		}
		return null;
	}

	/** Compares in constant time, so that response times do not give a key away. */
	private boolean isKnown(String presented) {
		byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
		boolean known = false;
		for (byte[] key : this.keys) {
			known |= MessageDigest.isEqual(key, bytes);
		}
		return known;
	}

	private static void refuse(HttpServletResponse response, String detail) throws IOException {
		response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
					+ detail.replace("\"", "\\\"") + "\"}");
	}

}
