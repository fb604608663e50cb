package org.newsradar.enrich.country;

import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.enrich.pipeline.Mention;
import org.newsradar.enrich.pipeline.Tagger;
import org.newsradar.enrich.text.PhraseIndex;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Tags the countries named in title and body, in order of first mention.
 */
@Component
@Order(300)
public class CountryTagger implements Tagger {

	private final CountryGazetteer gazetteer;

	public CountryTagger() {
		this(CountryGazetteer.load(new ClassPathResource("data/countries.tsv")));
	}

	CountryTagger(CountryGazetteer gazetteer) {
		this.gazetteer = gazetteer;
	}

	@Override
	public void tag(ArticleDraft article) {
		for (PhraseIndex.Match<String> match : this.gazetteer.names().find(article.tokens())) {
			article.countries().add(match.value());
			article.mentions()
				.add(new Mention(Mention.Kind.COUNTRY, match.start(), match.length(), match.value(), match.value()));
		}
	}

}
