package org.newsradar.enrich.person;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.enrich.pipeline.Tagger;
import org.newsradar.enrich.text.PhraseIndex;

import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Tags the people of the persons file that an article names.
 */
@Component
@Order(400)
public class PersonTagger implements Tagger {

	private final PhraseIndex<Person> names;

	public PersonTagger() {
		this(new ClassPathResource("data/persons.tsv"));
	}

	PersonTagger(Resource file) {
		this.names = load(file);
	}

	@Override
	public void tag(ArticleDraft article) {
		for (PhraseIndex.Match<Person> match : this.names.find(article.tokens())) {
			article.persons().add(match.value().name());
		}
	}

	private static PhraseIndex<Person> load(Resource file) {
		PhraseIndex<Person> names = new PhraseIndex<>();
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8))) {
			String line;
			int number = 0;
			while ((line = reader.readLine()) != null) {
				number++;
				if (line.isBlank() || line.startsWith("#")) {
					continue;
				}
				String[] columns = line.split("\t");
				if (columns.length < 2 || columns[0].isBlank() || !columns[1].matches("[A-Z]{2}|-")) {
					throw new IllegalStateException(file.getDescription() + " line " + number
							+ ": expected a name, a tab, a country code or -, and optionally a tab and other spellings");
				}
				Person person = new Person(columns[0].strip(), columns[1].equals("-") ? null : columns[1]);
				names.add(person.name(), false, person);
				if (columns.length > 2) {
					for (String alias : columns[2].split("\\|")) {
						if (!alias.isBlank()) {
							names.add(alias.strip(), false, person);
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file.getDescription(), ex);
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
