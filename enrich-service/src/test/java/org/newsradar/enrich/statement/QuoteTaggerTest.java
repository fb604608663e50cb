package org.newsradar.enrich.statement;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsradar.enrich.Articles;
import org.newsradar.enrich.person.PersonTagger;
import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.events.ArticleEnriched.Quote;

import static org.assertj.core.api.Assertions.assertThat;

class QuoteTaggerTest {

	private static final PersonTagger persons = new PersonTagger();

	private static final QuoteTagger tagger = new QuoteTagger();

	@Test
	void aDirectQuoteBelongsToThePersonNamedRightAfterIt() {
		assertThat(quotes("“We will fight for the supremacy of international law,” Tokayev said on Tuesday."))
			.containsExactly(
					new Quote("Kassym-Jomart Tokayev", "KZ", "We will fight for the supremacy of international law"));
	}

	@Test
	void quotesInFrenchAndRussianMarksAndNamesInAnyScript() {
		assertThat(quotes("Selon Tokaïev, « la neutralité reste notre choix pour la région »."))
			.extracting(Quote::speaker, Quote::speakerCountry)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Kassym-Jomart Tokayev", "KZ"));
		assertThat(quotes("Путин заявил: «Россия готова к переговорам с Украиной без предварительных условий»."))
			.extracting(Quote::speaker, Quote::text)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Vladimir Putin",
					"Россия готова к переговорам с Украиной без предварительных условий"));
	}

	@Test
	void aReportedQuoteIsWhatFollowsTheSpeechVerb() {
		assertThat(quotes("Tokayev said that Kazakhstan's top priorities are unity and harmony.")).containsExactly(
				new Quote("Kassym-Jomart Tokayev", "KZ", "Kazakhstan's top priorities are unity and harmony."));
	}

	@Test
	void scareQuotesAndUnattributedQuotesAreNoQuotes() {
		assertThat(quotes("Kazakhstan supports the ‘one-China’ principle and opposes \"Taiwan independence\"."))
			.isEmpty();
		assertThat(quotes("“We will fight for the supremacy of international law,” a banner read.")).isEmpty();
	}

	private static List<Quote> quotes(String body) {
		ArticleDraft draft = new ArticleDraft(Articles.article("", body));
		persons.tag(draft);
		tagger.tag(draft);
		return draft.quotes();
	}

}
