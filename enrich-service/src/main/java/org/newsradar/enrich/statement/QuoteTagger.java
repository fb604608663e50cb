package org.newsradar.enrich.statement;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.newsradar.enrich.text.EnrichData;
import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.enrich.pipeline.Mention;
import org.newsradar.enrich.pipeline.Tagger;
import org.newsradar.enrich.text.PhraseIndex;
import org.newsradar.enrich.text.Tokens;
import org.newsradar.events.ArticleEnriched.Quote;

/**
 * Sets {@code quotes}: direct quotes (between “ ”, " ", « », „ “ or 「 」) attributed to
 * the person named just after or before them in the same paragraph ("…," Tokayev said),
 * and reported ones (a person, then a speech verb, then what they said: "Tokayev said
 * that …"). The speaker's country is the person's, from {@code persons.tsv}. A quote
 * nobody is named for is left out.
 */
public class QuoteTagger implements Tagger {

	private static final Pattern DIRECT = Pattern
		.compile("“([^”]{12,800})”|\"([^\"\\n]{12,800})\"|«([^»]{12,800})»|„([^“”]{12,800})[“”]|「([^」]{6,400})」");

	/** How far after a quote its speaker may be named, and how far before. */
	private static final int AFTER = 120;

	private static final int BEFORE = 160;

	private static final Pattern THAT = Pattern.compile("^(?:that|que|qu’|qu'|что|dass|,)\\s*",
			Pattern.CASE_INSENSITIVE);

	static final int MAX_QUOTES = 20;

	private final StatementCues cues;

	public QuoteTagger() {
		this(EnrichData.bundled());
	}

	public QuoteTagger(EnrichData data) {
		this(StatementCues.load(data.file("statements.tsv")));
	}

	QuoteTagger(StatementCues cues) {
		this.cues = cues;
	}

	@Override
	public void tag(ArticleDraft article) {
		List<Mention> persons = article.mentions(Mention.Kind.PERSON);
		if (persons.isEmpty()) {
			return;
		}
		String text = article.text();
		Tokens tokens = article.tokens();
		List<int[]> quoted = new ArrayList<>();
		Matcher matcher = DIRECT.matcher(text);
		while (matcher.find() && article.quotes().size() < MAX_QUOTES) {
			int group = firstGroup(matcher);
			String said = clean(matcher.group(group));
			if (!isCjk(said) && said.split("\\s+").length < 4) {
				continue;
			}
			Mention speaker = nearest(text, tokens, persons, matcher.start(), matcher.end());
			if (speaker != null) {
				article.quotes().add(new Quote(speaker.value(), speaker.country(), said));
				quoted.add(new int[] { matcher.start(), matcher.end() });
			}
		}
		reported(article, persons, quoted);
	}

	/** "Tokayev said that Kazakhstan's priorities are unity and harmony." */
	private void reported(ArticleDraft article, List<Mention> persons, List<int[]> quoted) {
		String text = article.text();
		Tokens tokens = article.tokens();
		for (PhraseIndex.Match<Boolean> verb : this.cues.find("verb", tokens)) {
			if (article.quotes().size() >= MAX_QUOTES) {
				return;
			}
			int verbStart = tokens.starts()[verb.start()];
			int verbEnd = tokens.end(verb.start() + verb.length() - 1);
			int[] sentence = Spans.sentence(text, verbStart);
			boolean inQuote = quoted.stream().anyMatch((q) -> q[0] < sentence[1] && q[1] > sentence[0]);
			Mention speaker = persons.stream()
				.filter((person) -> person.end() <= verb.start() && verb.start() - person.end() <= 3
						&& tokens.starts()[person.start()] >= sentence[0])
				.reduce((first, second) -> second)
				.orElse(null);
			if (inQuote || speaker == null) {
				continue;
			}
			String said = clean(THAT.matcher(text.substring(verbEnd, sentence[1]).strip()).replaceFirst(""));
			if (said.split("\\s+").length >= 4) {
				article.quotes().add(new Quote(speaker.value(), speaker.country(), said));
			}
		}
	}

	/**
	 * The person named closest after the quote, else closest before it, in its paragraph.
	 */
	private static Mention nearest(String text, Tokens tokens, List<Mention> persons, int start, int end) {
		Mention after = null;
		Mention before = null;
		for (Mention person : persons) {
			int offset = tokens.starts()[person.start()];
			if (offset >= end && offset - end <= AFTER && !text.substring(end, offset).contains("\n")
					&& after == null) {
				after = person;
			}
			if (offset < start && start - offset <= BEFORE && !text.substring(offset, start).contains("\n")) {
				before = person;
			}
		}
		return (after != null) ? after : before;
	}

	/** Without the spaces and the comma that hand over to "Tokayev said". */
	private static String clean(String said) {
		String text = said.strip();
		while (!text.isEmpty() && ",;: ".indexOf(text.charAt(text.length() - 1)) >= 0) {
			text = text.substring(0, text.length() - 1);
		}
		return THAT.matcher(text).replaceFirst("").strip();
	}

	private static int firstGroup(Matcher matcher) {
		for (int i = 1; i <= matcher.groupCount(); i++) {
			if (matcher.group(i) != null) {
				return i;
			}
		}
		throw new IllegalStateException("a quote without text");
	}

	private static boolean isCjk(String text) {
		return !text.isEmpty() && Character.UnicodeScript.of(text.codePointAt(0)) == Character.UnicodeScript.HAN;
	}

}
