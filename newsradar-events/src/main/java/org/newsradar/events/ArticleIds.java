package org.newsradar.events;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Stable article ids: a hash of the canonical URL, or of the normalised text when there
 * is no URL. Ingesting the same article twice therefore yields the same id, and
 * everything downstream (Kafka keys, Elasticsearch documents) overwrites instead of
 * duplicating.
 */
public final class ArticleIds {

	private static final Pattern TRACKING_PARAMETER = Pattern
		.compile("(?i)^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|igshid|ref|ref_src|cmpid|xtor"
				+ "|at_medium|at_campaign|ns_mchannel|ns_source|ns_campaign|ns_linkname|ns_fee|ocid|smid|mkt_tok"
				+ "|wt\\.mc_id|_ga)=.*");

	private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Pattern COMBINING_MARK = Pattern.compile("\\p{M}+");

	private ArticleIds() {
	}

	/**
	 * The id of an article.
	 * @param url its address, or {@code null} or blank when there is none
	 * @param title its headline, may be {@code null}
	 * @param body its text, may be {@code null}
	 * @return 16 lowercase hex digits
	 */
	public static String of(String url, String title, String body) {
		if (url != null && !url.isBlank()) {
			return hash("url:" + canonicalUrl(url));
		}
		return hash("text:" + normalisedText(title) + "\n" + normalisedText(body));
	}

	/**
	 * A stable id made of several parts, for ids derived from other ids.
	 * @param parts the parts, in order
	 * @return 16 lowercase hex digits
	 */
	public static String combine(String... parts) {
		return hash(String.join("\u0000", parts));
	}

	/**
	 * The URL with scheme and host lowercased, default port, fragment, trailing slash and
	 * tracking parameters removed, and the remaining query parameters sorted.
	 * @param url an absolute URL
	 * @return its canonical form, or the trimmed input when it is not a valid URI
	 */
	public static String canonicalUrl(String url) {
		String trimmed = url.strip();
		try {
			URI uri = new URI(trimmed);
			if (uri.getScheme() == null || uri.getHost() == null) {
				return trimmed;
			}
			String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
			String host = uri.getHost().toLowerCase(Locale.ROOT);
			int port = uri.getPort();
			boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
					|| (scheme.equals("https") && port == 443);
			String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) ? "/" : uri.getRawPath();
			if (path.length() > 1 && path.endsWith("/")) {
				path = path.substring(0, path.length() - 1);
			}
			String query = (uri.getRawQuery() == null) ? ""
					: Arrays.stream(uri.getRawQuery().split("&"))
						.filter((parameter) -> !parameter.isEmpty() && !TRACKING_PARAMETER.matcher(parameter).matches())
						.sorted()
						.collect(Collectors.joining("&"));
			return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path
					+ (query.isEmpty() ? "" : "?" + query);
		}
		catch (URISyntaxException ex) {
			return trimmed;
		}
	}

	/**
	 * Text reduced to lowercase letters and digits separated by single spaces, without
	 * accents, so that whitespace, punctuation and typography changes keep the same id.
	 */
	static String normalisedText(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
		String withoutMarks = COMBINING_MARK.matcher(decomposed).replaceAll("");
		return NOT_LETTER_OR_DIGIT.matcher(withoutMarks.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
	}

	private static String hash(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required by the Java platform", ex);
		}
	}

}
