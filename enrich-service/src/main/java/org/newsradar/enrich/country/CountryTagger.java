package org.newsradar.enrich.country;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.newsradar.enrich.text.CalendarWords;
import org.newsradar.enrich.text.EnrichData;
import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.enrich.pipeline.Mention;
import org.newsradar.enrich.pipeline.Tagger;
import org.newsradar.enrich.text.PhraseIndex;
import org.newsradar.enrich.text.Tokens;

/**
 * Sets {@code countries}: every name of the gazetteer found in the cleaned text, except
 * ambiguous names without their context or inside a person's name, and places that a
 * following ", Texas" puts in another country; the countries of the stock listings it
 * quotes ({@link Listings}); for an article that names no country, the country its local
 * vocabulary points to, if it clearly points to one.
 */
public class CountryTagger implements Tagger {

	/** Capitalised words that follow a place without making it part of a name. */
	private final CountryGazetteer gazetteer;

	private final Listings listings;

	private final CountryHints hints;

	public CountryTagger() {
		this(EnrichData.bundled());
	}

	public CountryTagger(EnrichData data) {
		this(CountryGazetteer.load(data.file("countries.tsv"), data.file("ambiguous.tsv")),
				Listings.load(data.file("listings.tsv")), CountryHints.load(data.file("country-hints.tsv")));
	}

	CountryTagger(CountryGazetteer gazetteer, Listings listings, CountryHints hints) {
		this.gazetteer = gazetteer;
		this.listings = listings;
		this.hints = hints;
	}

	@Override
	public void tag(ArticleDraft article) {
		String text = article.text();
		Tokens tokens = article.tokens();
		List<Suffix> suffixes = suffixes(text);
		Set<Integer> confirmed = new HashSet<>();
		this.gazetteer.contexts().find(tokens).forEach((context) -> confirmed.addAll(context.value()));
		for (PhraseIndex.Match<CountryName> match : this.gazetteer.names().find(tokens)) {
			int start = tokens.starts()[match.start()];
			int end = tokens.end(match.start() + match.length() - 1);
			if (suffixes.stream().anyMatch((suffix) -> start >= suffix.start() && start < suffix.end())) {
				continue;
			}
			String code = suffixes.stream()
				.filter((suffix) -> suffix.start() == end)
				.map(Suffix::code)
				.findFirst()
				.orElse(match.value().code());
			boolean placed = !code.equals(match.value().code());
			if (!placed && match.value().ambiguous() && (!confirmed.contains(match.value().ambiguity())
					|| partOfName(text, tokens, match.start(), match.start() + match.length()))) {
				continue;
			}
			article.countries().add(code);
			article.mentions().add(new Mention(Mention.Kind.COUNTRY, match.start(), match.length(), code, code));
		}
		suffixes.forEach((suffix) -> article.countries().add(suffix.code()));
		article.countries().addAll(this.listings.countries(text));
		if (article.countries().isEmpty()) {
			String hinted = this.hints.country(text, tokens, article.language());
			if (hinted != null) {
				article.countries().add(hinted);
			}
		}
	}

	private List<Suffix> suffixes(String text) {
		List<Suffix> suffixes = new ArrayList<>();
		for (Map.Entry<String, Pattern> place : this.gazetteer.placeSuffixes().entrySet()) {
			Matcher matcher = place.getValue().matcher(text);
			// Every suffix starts with a comma: the pattern is tried at the commas only.
			for (int comma = text.indexOf(','); comma >= 0; comma = text.indexOf(',', comma + 1)) {
				if (matcher.region(comma, text.length()).lookingAt()) {
					suffixes.add(new Suffix(matcher.start(), matcher.end(), place.getKey()));
					comma = matcher.end() - 1;
				}
			}
		}
		return suffixes;
	}

	/**
	 * Whether the tokens [start, end) sit in a longer capitalised name: "Michael Jordan",
	 * "Chad Smith", "Georgia Tech". All-capital text (wire headlines) tells nothing.
	 */
	private static boolean partOfName(String text, Tokens tokens, int start, int end) {
		String first = tokens.original()[start];
		if (first.equals(first.toUpperCase())) {
			return false;
		}
		boolean before = start > 0 && capitalised(tokens.original()[start - 1])
				&& adjacent(text, tokens.end(start - 1), tokens.starts()[start])
				&& !sentenceStart(text, tokens, start - 1);
		boolean after = end < tokens.size() && capitalised(tokens.original()[end])
				&& !CalendarWords.contains(tokens.folded()[end])
				&& adjacent(text, tokens.end(end - 1), tokens.starts()[end]);
		return before || after;
	}

	private static boolean capitalised(String word) {
		return Character.isUpperCase(word.charAt(0)) && word.length() > 1 && Character.isLowerCase(word.charAt(1));
	}

	/** Only a space between: "Michael Jordan", not "Kazakhstan, Jordan". */
	private static boolean adjacent(String text, int end, int nextStart) {
		return nextStart - end == 1 && text.charAt(end) == ' ';
	}

	private static boolean sentenceStart(String text, Tokens tokens, int token) {
		int i = tokens.starts()[token] - 1;
		while (i >= 0 && Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '\n') {
			i--;
		}
		return i < 0 || ".!?\n\"“«:".indexOf(text.charAt(i)) >= 0;
	}

	private record Suffix(int start, int end, String code) {

	}

}
