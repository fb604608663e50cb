package org.newsradar.enrich.person;

import org.newsradar.enrich.text.EnrichData;
import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.enrich.pipeline.Mention;
import org.newsradar.enrich.pipeline.Tagger;
import org.newsradar.enrich.text.DataFile;
import org.newsradar.enrich.text.PhraseIndex;

import org.springframework.core.io.Resource;

/**
 * Tags the people of the persons file that an article names.
 */
public class PersonTagger implements Tagger {

	private final PhraseIndex<Person> names;

	public PersonTagger() {
		this(EnrichData.bundled());
	}

	public PersonTagger(EnrichData data) {
		this(data.file("persons.tsv"));
	}

	PersonTagger(Resource file) {
		this.names = load(file);
	}

	@Override
	public void tag(ArticleDraft article) {
		for (PhraseIndex.Match<Person> match : this.names.find(article.tokens())) {
			article.persons().add(match.value().name());
			article.mentions()
				.add(new Mention(Mention.Kind.PERSON, match.start(), match.length(), match.value().name(),
						match.value().country()));
		}
	}

	private static PhraseIndex<Person> load(Resource file) {
		PhraseIndex<Person> names = new PhraseIndex<>();
		for (DataFile.Line line : DataFile.read(file)) {
			String[] columns = line.columns();
			if (columns.length < 2 || columns[0].isBlank() || !columns[1].matches("[A-Z]{2}|-")) {
				throw line
					.error("expected a name, a tab, a country code or -, and optionally a tab and other spellings");
			}
			Person person = new Person(columns[0].strip(), columns[1].equals("-") ? null : columns[1]);
			names.add(person.name(), false, person);
			line.values(2).forEach((alias) -> names.add(alias, person));
		}
		return names;
	}

	/**
	 * @param name canonical name
	 * @param country ISO code of the person's country, or {@code null}
	 */
	record Person(String name, String country) {

	}

}
