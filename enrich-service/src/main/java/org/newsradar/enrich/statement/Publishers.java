package org.newsradar.enrich.statement;

import java.net.URI;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.newsradar.enrich.text.DataFile;

import org.springframework.core.io.Resource;

/**
 * The country an article speaks from when it names none for an office: its outlet's (from
 * {@code data/publishers.tsv}, else the country domain of its address), else its
 * language's when that language's press leaves its own country's offices unnamed.
 */
final class Publishers {

	/** Country domains sold to anyone, which tell nothing of the outlet's country. */
	private static final Set<String> OPEN_DOMAINS = Set.of("io", "co", "tv", "me", "ai", "fm", "ly", "to", "ws", "cc",
			"gg", "la", "nu", "tk", "ml", "ga", "cf", "gq", "so", "am", "ms", "vc", "sh", "ac", "im", "st");

	private static final Set<String> COUNTRIES = Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2);

	private final Map<String, String> hosts = new HashMap<>();

	private final Map<String, String> languages = new HashMap<>();

	/**
	 * @throws IllegalStateException naming file and line when a line is malformed
	 */
	static Publishers load(Resource file) {
		Publishers loaded = new Publishers();
		for (DataFile.Line line : DataFile.read(file)) {
			if (line.columns().length != 3 || line.values(2).isEmpty()) {
				throw line.error("expected a kind, a tab, a country code, a tab and values separated by |");
			}
			String kind = line.columns()[0].strip();
			String country = line.columns()[1].strip();
			if (!COUNTRIES.contains(country)) {
				throw line.error("'" + country + "' is not an ISO 3166-1 alpha-2 country code");
			}
			Map<String, String> target = switch (kind) {
				case "host" -> loaded.hosts;
				case "language" -> loaded.languages;
				default -> throw line.error("'" + kind + "' is not a kind; one of host, language");
			};
			line.values(2).forEach((value) -> target.put(value.strip().toLowerCase(Locale.ROOT), country));
		}
		return loaded;
	}

	/**
	 * @param url the article's address, or {@code null}
	 * @param language its language, or {@code null}
	 * @return the country it speaks from, or {@code null} when nothing tells
	 */
	String country(String url, String language) {
		String host = host(url);
		if (host != null) {
			for (String domain = host; domain.contains("."); domain = domain.substring(domain.indexOf('.') + 1)) {
				String country = this.hosts.get(domain);
				if (country != null) {
					return country;
				}
			}
			String top = host.substring(host.lastIndexOf('.') + 1);
			String country = top.equals("uk") ? "GB" : top.toUpperCase(Locale.ROOT);
			if (!OPEN_DOMAINS.contains(top) && COUNTRIES.contains(country)) {
				return country;
			}
		}
		return (language != null) ? this.languages.get(language) : null;
	}

	private static String host(String url) {
		if (url == null) {
			return null;
		}
		try {
			String host = URI.create(url.strip()).getHost();
			return (host != null) ? host.toLowerCase(Locale.ROOT).replaceFirst("^www\\.", "") : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
