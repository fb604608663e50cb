package org.newsradar.enrich.statement;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

import org.newsradar.enrich.text.EnrichData;
import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.enrich.pipeline.Mention;
import org.newsradar.enrich.pipeline.Tagger;
import org.newsradar.enrich.text.PhraseIndex;
import org.newsradar.enrich.text.Tokens;
import org.newsradar.events.ArticleEnriched.Statement;

/**
 * Sets {@code statement} when the article reports an official statement: its type from
 * the first cue of the title and lead (a joint statement before a ministry's, and so on),
 * an op-ed when the article closes with an official's signature, or "other" when an
 * official speaks in the lead with no cue word ("Kremlin spokesman Dmitry Peskov said").
 * Who made it: all the countries of a joint statement's sentences; for the others one
 * maker, found by role: the office the cue or the sentence names (the lexicon of
 * {@code actor} lines in {@code data/statements.tsv}), resolved to its country by the
 * office itself ("Kremlin"), by the country or official next to it ("China's foreign
 * ministry", "le chef de l'État français", "foreign minister Wang Yi"), or, when nothing
 * names one, by the country the article speaks from ({@code data/publishers.tsv}); in a
 * speech, the country the speaker calls "my country".
 */
public class StatementTagger implements Tagger {

	/** Cues count in the title and this many characters of the body. */
	static final int LEAD = 1500;

	/** A country this many tokens before an official or a cue is theirs. */
	static final int NEAR = 3;

	/** A country this many tokens after an official or a cue is theirs. */
	static final int AFTER = 1;

	/** A speaker who says "my country" this often speaks for a country. */
	static final int SELF_REFERENCES = 3;

	/** What may stand between two coordinated parties, as folded tokens. */
	private static final Set<String> AND = Set.of("and", "et", "и", "y", "e", "und", "sowie", "мен", "және", "和", "与",
			"及", "同", "跟", "the", "la", "le", "les", "l", "s", "der", "die", "das", "el", "los", "las");

	/** What joins a party to a joint statement ("with China"), as folded tokens. */
	private static final Set<String> WITH = Set.of("with", "avec", "с", "со", "con", "mit", "同", "与", "跟");

	private final StatementCues cues;

	private final Publishers publishers;

	public StatementTagger() {
		this(EnrichData.bundled());
	}

	public StatementTagger(EnrichData data) {
		this(StatementCues.load(data.file("statements.tsv")), Publishers.load(data.file("publishers.tsv")));
	}

	StatementTagger(StatementCues cues, Publishers publishers) {
		this.cues = cues;
		this.publishers = publishers;
	}

	@Override
	public void tag(ArticleDraft article) {
		Statement statement = signedOpEd(article);
		if (statement == null) {
			statement = fromCues(article);
		}
		article.statement(statement);
	}

	/**
	 * An op-ed closes with its author's title: "China's Ambassador to Kazakhstan Zhang
	 * Xiao".
	 */
	private Statement signedOpEd(ArticleDraft article) {
		String text = article.text();
		List<String> lines = article.body().strip().lines().filter((line) -> !line.isBlank()).toList();
		Tokens tokens = article.tokens();
		for (int i = Math.max(0, lines.size() - 3); i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.endsWith(".") || line.split("\\s+").length > 20) {
				continue;
			}
			int start = text.lastIndexOf(line);
			Tokens lineTokens = Tokens.of(line);
			if (this.cues.find("signature", lineTokens).isEmpty()) {
				continue;
			}
			List<String> by = new ArrayList<>();
			for (Mention country : article.mentions(Mention.Kind.COUNTRY)) {
				int offset = tokens.starts()[country.start()];
				boolean inLine = offset >= start && offset < start + line.length();
				boolean host = country.start() > 0 && Set.of("to", "in", "a", "au", "aux", "en", "в", "bei", "ante")
					.contains(tokens.folded()[country.start() - 1]);
				if (inLine && !host && !by.contains(country.value())) {
					by.add(country.value());
				}
			}
			if (!by.isEmpty()) {
				return new Statement("op_ed", by);
			}
		}
		return null;
	}

	private Statement fromCues(ArticleDraft article) {
		Tokens tokens = article.tokens();
		int leadEnd = leadEnd(article);
		List<PhraseIndex.Match<Integer>> found = new ArrayList<>(
				this.cues.cues(tokens).stream().filter((cue) -> tokens.starts()[cue.start()] < leadEnd).toList());
		found.sort(Comparator.comparing((PhraseIndex.Match<Integer> cue) -> cue.value())
			.thenComparing(PhraseIndex.Match::start));
		List<PhraseIndex.Match<Boolean>> self = this.cues.find("self", tokens);
		List<PhraseIndex.Match<String>> actors = this.cues.actors(tokens);
		for (PhraseIndex.Match<Integer> cue : found) {
			String type = this.cues.type(cue.value());
			List<String> by;
			if (type.equals("speech") && self.size() >= SELF_REFERENCES) {
				by = selfCountry(article, self);
			}
			else if (type.equals("joint_statement")) {
				by = parties(article, found, actors);
			}
			else {
				by = maker(article, cue, type, actors);
			}
			if (!by.isEmpty()) {
				return new Statement(type, by);
			}
		}
		if (self.size() >= 2 * SELF_REFERENCES) {
			return StatementCues.statement("speech", selfCountry(article, self));
		}
		return spokenByAnOfficial(article, actors);
	}

	private static int leadEnd(ArticleDraft article) {
		return article.text().length() - article.body().length() + LEAD;
	}

	/**
	 * The parties to a joint statement, in every sentence of the lead that names one: the
	 * first country of the sentence and the countries coordinated with it ("La France et
	 * l'Allemagne", "Chinese President Xi Jinping and Kazakh President Tokayev"), or
	 * joined to the statement by "with" ("Kazakhstan signed a joint statement with
	 * China"). A country the statement speaks of is no party ("Egypt and Jordan ...
	 * reject any displacement of Palestinians").
	 */
	private List<String> parties(ArticleDraft article, List<PhraseIndex.Match<Integer>> cues,
			List<PhraseIndex.Match<String>> actors) {
		Tokens tokens = article.tokens();
		BitSet titles = new BitSet();
		actors.forEach((actor) -> titles.set(actor.start(), actor.start() + actor.length()));
		article.mentions(Mention.Kind.PERSON).forEach((person) -> titles.set(person.start(), person.end()));
		Set<String> by = new LinkedHashSet<>();
		for (PhraseIndex.Match<Integer> cue : cues) {
			if (this.cues.type(cue.value()).equals("joint_statement")) {
				int[] sentence = Spans.sentence(article.text(), tokens.starts()[cue.start()]);
				Mention last = null;
				for (Mention country : within(article.mentions(Mention.Kind.COUNTRY), tokens, sentence)) {
					boolean with = country.start() > 0 && WITH.contains(tokens.folded()[country.start() - 1]);
					if (last == null || with || coordinated(tokens, titles, last.end(), country.start())) {
						by.add(country.value());
						last = (last == null || country.end() > last.end()) ? country : last;
					}
				}
			}
		}
		return new ArrayList<>(by);
	}

	/**
	 * Whether only "and", articles, titles and names stand between two tokens.
	 */
	private static boolean coordinated(Tokens tokens, BitSet titles, int from, int to) {
		for (int i = from; i < to; i++) {
			if (!titles.get(i) && !AND.contains(tokens.folded()[i])) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Who made the statement a cue announces, from the cue's sentence: the country of the
	 * ministry the cue names ("МИД России"); else of the first official or body in the
	 * sentence whose country is known; else, for a reported statement or reaction ("Japan
	 * condemned ..."), the first country before the cue; else the first person with a
	 * country; else, when an office speaks with no country next to it, the country the
	 * article speaks from.
	 */
	private List<String> maker(ArticleDraft article, PhraseIndex.Match<Integer> cue, String type,
			List<PhraseIndex.Match<String>> allActors) {
		Tokens tokens = article.tokens();
		int[] sentence = Spans.sentence(article.text(), tokens.starts()[cue.start()]);
		boolean ministry = type.equals("ministry_statement");
		if (ministry) {
			String named = allActors.stream()
				.filter((actor) -> actor.start() == cue.start() && !actor.value().isEmpty())
				.map(PhraseIndex.Match::value)
				.findFirst()
				.orElse(attachedCountry(article, cue.start(), cue.start() + cue.length(), sentence));
			if (named != null) {
				return List.of(named);
			}
		}
		List<PhraseIndex.Match<String>> actors = matchesWithin(allActors, tokens, sentence);
		for (PhraseIndex.Match<String> actor : actors) {
			String country = country(article, actor);
			if (country != null) {
				return List.of(country);
			}
		}
		List<Mention> countries = within(article.mentions(Mention.Kind.COUNTRY), tokens, sentence);
		if (type.equals("other")) {
			Optional<Mention> subject = countries.stream()
				.filter((country) -> country.end() <= cue.start())
				.findFirst();
			if (subject.isPresent()) {
				return List.of(subject.get().value());
			}
		}
		Optional<String> person = within(article.mentions(Mention.Kind.PERSON), tokens, sentence).stream()
			.map(Mention::country)
			.filter(Objects::nonNull)
			.findFirst();
		if (person.isPresent()) {
			return List.of(person.get());
		}
		return (ministry || !actors.isEmpty()) ? speaksFrom(article) : List.of();
	}

	/**
	 * A statement without a cue word: an official or a body of a known country, or a
	 * known official, in a sentence of the lead with a verb of saying ("Kremlin spokesman
	 * Dmitry Peskov said", "王毅表示").
	 */
	private Statement spokenByAnOfficial(ArticleDraft article, List<PhraseIndex.Match<String>> actors) {
		Tokens tokens = article.tokens();
		int leadEnd = leadEnd(article);
		List<PhraseIndex.Match<Boolean>> verbs = this.cues.find("verb", tokens);
		String outlet = speaksFrom(article).stream().findFirst().orElse(null);
		List<Speaker> speakers = new ArrayList<>();
		for (PhraseIndex.Match<String> actor : actors) {
			String country = country(article, actor);
			speakers.add(new Speaker(actor.start(), (country != null) ? country : outlet));
		}
		article.mentions(Mention.Kind.PERSON)
			.stream()
			.filter((person) -> person.country() != null)
			.forEach((person) -> speakers.add(new Speaker(person.start(), person.country())));
		speakers.sort(Comparator.comparingInt(Speaker::start));
		for (Speaker speaker : speakers) {
			int offset = tokens.starts()[speaker.start()];
			if (offset >= leadEnd) {
				break;
			}
			int[] sentence = Spans.sentence(article.text(), offset);
			boolean said = !matchesWithin(verbs, tokens, sentence).isEmpty();
			if (said && speaker.country() != null) {
				return new Statement("other", List.of(speaker.country()));
			}
		}
		return null;
	}

	/** An official, a body or a known person, and the country they speak for. */
	private record Speaker(int start, String country) {

	}

	/**
	 * The country of an official or body: the one its office names, else the country or
	 * the person with a country right next to it ("the Kazakh Foreign Ministry", "МИД
	 * России", "foreign minister Wang Yi").
	 */
	private static String country(ArticleDraft article, PhraseIndex.Match<String> actor) {
		if (!actor.value().isEmpty()) {
			return actor.value();
		}
		int end = actor.start() + actor.length();
		int[] sentence = Spans.sentence(article.text(), article.tokens().starts()[actor.start()]);
		String country = attachedCountry(article, actor.start(), end, sentence);
		if (country != null) {
			return country;
		}
		return article.mentions(Mention.Kind.PERSON)
			.stream()
			.filter((person) -> person.country() != null
					&& Spans.gap(person.start(), person.end(), actor.start(), end) <= 1)
			.map(Mention::country)
			.findFirst()
			.orElse(null);
	}

	/**
	 * The country named next to a span in its sentence: up to {@link #NEAR} tokens before
	 * it ("India's external affairs minister") or {@link #AFTER} after it ("МИД России",
	 * "the Ministry of Foreign Affairs of Kazakhstan", but not "the spokesperson said the
	 * Philippines"); the nearer one wins, the one before on a tie. In Chinese and
	 * Japanese a modifier stands right before what it modifies (俄罗斯外交部), so there only
	 * the country touching the span from before counts: in 外交部就日本... Japan is the topic,
	 * not the ministry's country.
	 */
	private static String attachedCountry(ArticleDraft article, int start, int end, int[] sentence) {
		boolean modifierFirst = "zh".equals(article.language()) || "ja".equals(article.language());
		Mention best = null;
		int bestGap = NEAR + 1;
		for (Mention country : within(article.mentions(Mention.Kind.COUNTRY), article.tokens(), sentence)) {
			boolean before = country.end() <= start;
			int gap = Spans.gap(country.start(), country.end(), start, end);
			boolean attached = modifierFirst ? country.end() == start : (before || gap <= AFTER);
			if (attached && gap < bestGap) {
				best = country;
				bestGap = gap;
			}
		}
		return (best != null) ? best.value() : null;
	}

	/** The country the article speaks from, when its outlet or language tells. */
	private List<String> speaksFrom(ArticleDraft article) {
		String country = this.publishers.country(article.received().url(), article.language());
		return (country != null) ? List.of(country) : List.of();
	}

	/**
	 * The country a speaker stands for: each mention counts, and counts five times near
	 * "my country", "our people", "我国".
	 */
	private static List<String> selfCountry(ArticleDraft article, List<PhraseIndex.Match<Boolean>> self) {
		Map<String, Integer> scores = new HashMap<>();
		for (Mention country : article.mentions(Mention.Kind.COUNTRY)) {
			boolean near = self.stream().anyMatch((phrase) -> Spans.gap(country, phrase) <= 12);
			scores.merge(country.value(), near ? 5 : 1, Integer::sum);
		}
		return scores.entrySet()
			.stream()
			.filter((score) -> score.getValue() >= 3)
			.max(Map.Entry.comparingByValue())
			.map((score) -> List.of(score.getKey()))
			.orElse(List.of());
	}

	/** The mentions in a sentence (offsets {start, end}). */
	private static List<Mention> within(List<Mention> mentions, Tokens tokens, int[] sentence) {
		return inSentence(mentions, Mention::start, tokens, sentence);
	}

	/** The phrase matches in a sentence (offsets {start, end}). */
	private static <V> List<PhraseIndex.Match<V>> matchesWithin(List<PhraseIndex.Match<V>> matches, Tokens tokens,
			int[] sentence) {
		return inSentence(matches, PhraseIndex.Match::start, tokens, sentence);
	}

	private static <T> List<T> inSentence(List<T> spans, ToIntFunction<T> firstToken, Tokens tokens, int[] sentence) {
		return spans.stream().filter((span) -> {
			int offset = tokens.starts()[firstToken.applyAsInt(span)];
			return offset >= sentence[0] && offset < sentence[1];
		}).toList();
	}

}
