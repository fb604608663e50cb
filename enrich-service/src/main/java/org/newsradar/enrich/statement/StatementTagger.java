package org.newsradar.enrich.statement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.enrich.pipeline.Mention;
import org.newsradar.enrich.pipeline.Tagger;
import org.newsradar.enrich.text.PhraseIndex;
import org.newsradar.enrich.text.Tokens;
import org.newsradar.events.ArticleEnriched.Statement;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sets {@code statement} when the article reports an official statement: its type from
 * the first cue of the title and lead (a joint statement before a ministry's, and so on),
 * or an op-ed when the article closes with an official's signature; and the countries
 * that made it, from the countries next to the cue or to an official in the cue's
 * sentence, the people there, or, in a speech, the country the speaker calls "my
 * country".
 */
@Component
@Order(700)
public class StatementTagger implements Tagger {

	/** Cues count in the title and this many characters of the body. */
	static final int LEAD = 1500;

	/** A country this many tokens from an official or a cue is theirs. */
	static final int NEAR = 3;

	/** A speaker who says "my country" this often speaks for a country. */
	static final int SELF_REFERENCES = 3;

	private final StatementCues cues;

	public StatementTagger() {
		this(StatementCues.bundled());
	}

	StatementTagger(StatementCues cues) {
		this.cues = cues;
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
		int leadEnd = article.text().length() - article.body().length() + LEAD;
		List<PhraseIndex.Match<Integer>> found = new ArrayList<>(
				this.cues.cues(tokens).stream().filter((cue) -> tokens.starts()[cue.start()] < leadEnd).toList());
		found.sort(Comparator.comparing((PhraseIndex.Match<Integer> cue) -> cue.value())
			.thenComparing(PhraseIndex.Match::start));
		List<PhraseIndex.Match<Boolean>> self = this.cues.find("self", tokens);
		List<PhraseIndex.Match<Boolean>> actors = found.isEmpty() ? List.of() : this.cues.find("actor", tokens);
		for (PhraseIndex.Match<Integer> cue : found) {
			String type = this.cues.type(cue.value());
			List<String> by = (type.equals("speech") && self.size() >= SELF_REFERENCES) ? selfCountry(article, self)
					: makers(article, cue, type, actors);
			if (!by.isEmpty()) {
				return new Statement(type, by);
			}
		}
		if (self.size() >= 2 * SELF_REFERENCES) {
			return StatementCues.statement("speech", selfCountry(article, self));
		}
		return null;
	}

	/** Who made the statement a cue announces, from the cue's sentence. */
	private static List<String> makers(ArticleDraft article, PhraseIndex.Match<Integer> cue, String type,
			List<PhraseIndex.Match<Boolean>> allActors) {
		Tokens tokens = article.tokens();
		int[] sentence = Spans.sentence(article.text(), tokens.starts()[cue.start()]);
		List<Mention> countries = within(article.mentions(Mention.Kind.COUNTRY), tokens, sentence);
		List<PhraseIndex.Match<Boolean>> actors = new ArrayList<>();
		for (PhraseIndex.Match<Boolean> actor : allActors) {
			int offset = tokens.starts()[actor.start()];
			if (offset >= sentence[0] && offset < sentence[1]) {
				actors.add(actor);
			}
		}
		Set<String> by = new LinkedHashSet<>();
		for (Mention country : countries) {
			boolean nearCue = Spans.gap(country, cue) <= NEAR;
			boolean nearActor = actors.stream().anyMatch((actor) -> Spans.gap(country, actor) <= NEAR);
			if (nearCue || nearActor || type.equals("joint_statement")) {
				by.add(country.value());
			}
		}
		if (by.isEmpty()) {
			within(article.mentions(Mention.Kind.PERSON), tokens, sentence).stream()
				.filter((person) -> person.country() != null)
				.forEach((person) -> by.add(person.country()));
		}
		return new ArrayList<>(by);
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

	private static List<Mention> within(List<Mention> mentions, Tokens tokens, int[] sentence) {
		return mentions.stream().filter((mention) -> {
			int offset = tokens.starts()[mention.start()];
			return offset >= sentence[0] && offset < sentence[1];
		}).toList();
	}

}
