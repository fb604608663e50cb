package org.newsradar.enrich.country;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.newsradar.enrich.text.DataFile;

import org.springframework.core.io.Resource;

/**
 * The countries of the stock listings an article quotes ({@code listings.tsv}): Reuters
 * instrument codes ("&lt;ROT.L&gt;", "(AAPL.O)") by their suffix, and "(NYSE: IBM)" by
 * the exchange.
 */
final class Listings {

	/** A Reuters instrument code: symbol, then suffixes ("SSI.A.TO"), in brackets. */
	private static final Pattern CODE = Pattern.compile("([<(])[A-Z0-9][A-Z0-9&]{0,7}((?:\\.[A-Z]{1,3})*)[>)]");

	/** The data file's name for a code in angle brackets without a suffix. */
	private static final String BARE = "<>";

	private final Map<String, String> bySuffix;

	private final Map<String, String> byExchange;

	private final Pattern exchange;

	private Listings(Map<String, String> bySuffix, Map<String, String> byExchange) {
		this.bySuffix = bySuffix;
		this.byExchange = byExchange;
		this.exchange = Pattern.compile("\\((" + byExchange.keySet()
			.stream()
			.sorted((a, b) -> b.length() - a.length())
			.map(Pattern::quote)
			.collect(Collectors.joining("|")) + ") ?: ?[A-Z0-9][A-Z0-9.\\-]{0,9}\\)");
	}

	static Listings load(Resource file) {
		Map<String, String> bySuffix = new HashMap<>();
		Map<String, String> byExchange = new HashMap<>();
		for (DataFile.Line line : DataFile.read(file)) {
			String[] columns = line.columns();
			if (columns.length != 2 || !columns[0].strip().matches("[A-Z]{2}")) {
				throw line.error("expected an ISO country code, a tab and exchanges or code suffixes");
			}
			String code = columns[0].strip();
			for (String value : line.values(1)) {
				Map<String, String> into = (value.startsWith(".") || value.equals(BARE)) ? bySuffix : byExchange;
				String before = into.put(value, code);
				if (before != null && !before.equals(code)) {
					throw line.error("'" + value + "' is already listed for " + before);
				}
			}
		}
		return new Listings(bySuffix, byExchange);
	}

	/** The countries of the listings in the text, in order of appearance. */
	Set<String> countries(String text) {
		Set<String> countries = new LinkedHashSet<>();
		Matcher code = CODE.matcher(text);
		while (code.find()) {
			String suffixes = code.group(2);
			String key = suffixes.isEmpty() ? (code.group(1).equals("<") ? BARE : null)
					: suffixes.substring(suffixes.lastIndexOf('.'));
			if (key != null && this.bySuffix.containsKey(key)) {
				countries.add(this.bySuffix.get(key));
			}
		}
		Matcher exchange = this.exchange.matcher(text);
		while (exchange.find()) {
			countries.add(this.byExchange.get(exchange.group(1)));
		}
		return countries;
	}

}
