package org.newsradar.enrich.statement;

import org.junit.jupiter.api.Test;
import org.newsradar.enrich.Articles;
import org.newsradar.enrich.country.CountryTagger;
import org.newsradar.enrich.person.PersonTagger;
import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.events.ArticleEnriched.Statement;

import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatementTaggerTest {

	private static final CountryTagger countries = new CountryTagger();

	private static final PersonTagger persons = new PersonTagger();

	private static final StatementTagger tagger = new StatementTagger();

	@Test
	void aJointStatementIsMadeByTheCountriesThatIssuedIt() {
		assertThat(statement("China, Kazakhstan issue joint statement",
				"China and Kazakhstan on Wednesday issued a joint statement on 30 years of relations."))
			.isEqualTo(new Statement("joint_statement", java.util.List.of("CN", "KZ")));
		assertThat(statement("La Chine et le Kazakhstan publient une déclaration conjointe", "Le texte a été publié."))
			.isEqualTo(new Statement("joint_statement", java.util.List.of("CN", "KZ")));
	}

	@Test
	void aMinistryStatementIsTheMinistrysCountrys() {
		assertThat(statement("Kazakhstan reaffirms support",
				"The statement was issued by the Kazakh Foreign Ministry after the elections in Taiwan."))
			.isEqualTo(new Statement("ministry_statement", java.util.List.of("KZ")));
		assertThat(statement("Заявление", "МИД Казахстана заявил о поддержке принципа одного Китая."))
			.isEqualTo(new Statement("ministry_statement", java.util.List.of("KZ")));
	}

	@Test
	void aSpeechIsTheSpeakersCountrys() {
		assertThat(statement("Tokayev on foreign policy", "In his speech the Kazakh President spoke about neutrality."))
			.isEqualTo(new Statement("speech", java.util.List.of("KZ")));
		String debate = "Mr. President, my delegation congratulates you. My country, Ghana, believes in peace. "
				+ "Ghana has always supported the United Nations, and our country will continue. Nigeria and Togo "
				+ "are our neighbours. My Government stands ready; our people want peace for Ghana.";
		assertThat(statement("", debate)).isEqualTo(new Statement("speech", java.util.List.of("GH")));
	}

	@Test
	void anOpEdSignedByAnOfficialIsHisCountrys() {
		assertThat(statement("Kazakhstan is a friendly neighbour",
				"Cooperation between our peoples grows every year.\\n\\nChina’s Ambassador to Kazakhstan Zhang Xiao"))
			.isEqualTo(new Statement("op_ed", java.util.List.of("CN")));
	}

	@Test
	void aCompanyStatementIsNoOfficialStatement() {
		assertThat(statement("Chrysler profit falls", "Chrysler Corp said in a statement that profit fell 20 pct."))
			.isNull();
		assertThat(statement("Rain expected", "Heavy rain is expected over the weekend.")).isNull();
	}

	@Test
	void aMistakeInTheCuesFileNamesFileAndLine() {
		ByteArrayResource file = new ByteArrayResource("cue\tmanifesto\tmanifesto\n".getBytes(), "statements.tsv");
		assertThatThrownBy(() -> StatementCues.load(file))
			.hasMessageContaining("[statements.tsv] line 1: 'manifesto' is not a statement type");
	}

	private static Statement statement(String title, String body) {
		ArticleDraft draft = new ArticleDraft(Articles.article(title, body.replace("\\n", "\n")));
		countries.tag(draft);
		persons.tag(draft);
		tagger.tag(draft);
		return draft.statement();
	}

}
