package org.newsradar.enrich.statement;

import org.junit.jupiter.api.Test;
import org.newsradar.enrich.Articles;
import org.newsradar.enrich.country.CountryTagger;
import org.newsradar.enrich.person.PersonTagger;
import org.newsradar.enrich.pipeline.ArticleDraft;
import org.newsradar.events.ArticleEnriched.Statement;
import org.newsradar.events.ArticleIngested;

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
	void anOfficeTakesTheCountryNextToItInEveryLanguage() {
		assertThat(statement("", "China's foreign ministry spokesperson said Taiwan is part of China.").by())
			.containsExactly("CN");
		assertThat(statement("", "Le ministère algérien des Affaires étrangères a dénoncé une ingérence.").by())
			.containsExactly("DZ");
		assertThat(statement("", "Министерство иностранных дел Белоруссии осудило решение Литвы.").by())
			.containsExactly("BY");
		assertThat(statement("", "El Gobierno español condenó el ataque contra la embajada.").by())
			.containsExactly("ES");
		assertThat(statement("", "Das türkische Außenministerium wies die Resolution zurück.").by())
			.containsExactly("TR");
		assertThat(statement("", "Қазақстан Сыртқы істер министрлігі бір Қытай қағидатын қолдайтынын мәлімдеді.").by())
			.containsExactly("KZ");
	}

	@Test
	void inChineseOnlyTheCountryRightBeforeAnOfficeIsItsCountry() {
		assertThat(statement("", "俄罗斯外交部发表声明说，将作出回应。").by()).containsExactly("RU");
		assertThat(statement("外交部就日本排海发表谈话", "外交部发言人表示，日方应回应关切。", null, "zh").by()).containsExactly("CN");
	}

	@Test
	void anOfficeThatNamesItsCountryNeedsNoOther() {
		assertThat(statement("", "Kremlin spokesman Dmitry Peskov said new sanctions would be studied."))
			.isEqualTo(new Statement("other", java.util.List.of("RU")));
		assertThat(statement("", "The White House said the talks would continue.").by()).containsExactly("US");
	}

	@Test
	void anOfficialNamedWithoutACountryIsKnownByTheOfficialOrTheOutlet() {
		assertThat(statement("", "Foreign minister Wang Yi said Beijing was ready to deepen cooperation.").by())
			.containsExactly("CN");
		assertThat(statement("", "The foreign ministry spokesperson said the Philippines should stop its provocations.",
				"https://english.news.cn/2026/a.htm", "en")
			.by()).containsExactly("CN");
		assertThat(statement("", "La porte-parole du gouvernement a indiqué que le projet serait présenté en janvier.",
				"https://www.lemonde.fr/politique/a.html", "fr")
			.by()).containsExactly("FR");
		assertThat(statement("", "The foreign ministry spokesperson said the talks would continue.",
				"https://example.io/a", "en"))
			.as("a domain sold to anyone tells nothing")
			.isNull();
	}

	@Test
	void aReactionIsMadeByTheCountryThatReacts() {
		assertThat(statement("", "Japan condemned the missile launch by North Korea on Sunday.").by())
			.containsExactly("JP");
		assertThat(statement("", "The British Foreign Office condemned the attack and summoned the ambassador of Iran.")
			.by()).containsExactly("GB");
	}

	@Test
	void aJointStatementIsMadeByThePartiesOfEverySentenceThatNamesIt() {
		assertThat(statement("Déclaration commune franco-allemande",
				"La France et l'Allemagne ont publié une déclaration commune sur la défense.")
			.by()).containsExactlyInAnyOrder("FR", "DE");
		assertThat(statement("",
				"Según el comunicado conjunto de los ministros de Defensa kirguís y chino, habrá maniobras.")
			.by()).containsExactlyInAnyOrder("KG", "CN");
	}

	@Test
	void aCountryTheJointStatementSpeaksOfIsNoParty() {
		assertThat(statement("", "Egypt and Jordan said in a joint communique that they reject any displacement of "
				+ "Palestinians from Gaza.")
			.by()).containsExactly("EG", "JO");
		assertThat(statement("", "China and Russia issued a joint statement criticising the United States.").by())
			.containsExactly("CN", "RU");
		assertThat(statement("", "Kazakhstan signed a joint statement with China on Monday.").by())
			.containsExactly("KZ", "CN");
		assertThat(statement("", "Chinese President Xi Jinping and Kazakh President Kassym-Jomart Tokayev signed a "
				+ "joint statement in Astana.")
			.by()).containsExactly("CN", "KZ");
		assertThat(statement("", "Қазақстан мен Өзбекстан бірлескен мәлімдеме жасады, Ресей оны құптады.").by())
			.containsExactly("KZ", "UZ");
	}

	@Test
	void officesBeyondMinistriesSpeakForTheirCountryInEveryLanguage() {
		assertThat(statement("", "Japan's chief cabinet secretary told reporters the talks would resume.").by())
			.containsExactly("JP");
		assertThat(statement("", "Nigeria's presidency said the army would lead the operation.").by())
			.containsExactly("NG");
		assertThat(statement("", "A spokesperson for the Philippine coast guard said vessels had been rammed.").by())
			.containsExactly("PH");
		assertThat(statement("", "La présidence sénégalaise a annoncé la libération des détenus.").by())
			.containsExactly("SN");
		assertThat(statement("", "Посольство Франции в Москве сообщило о переносе встречи.").by())
			.containsExactly("FR");
		assertThat(statement("", "El mandatario colombiano dijo que el acuerdo será firmado en enero.").by())
			.containsExactly("CO");
		assertThat(statement("", "Der ungarische Ministerpräsident sagte, Budapest werde das Veto einlegen.").by())
			.containsExactly("HU");
		assertThat(statement("", "日本外务省发言人表示，东京将提出抗议。").by()).containsExactly("JP");
		assertThat(statement("", "Түркия елшілігі мәлімдеді, кездесу кейінге қалдырылды.").by()).containsExactly("TR");
	}

	@Test
	void aReactionIsRecognisedInEveryLanguage() {
		assertThat(statement("", "Mexico expressed regret over the tariffs announced by Washington.").by())
			.containsExactly("MX");
		assertThat(statement("", "Le Canada a regretté la décision de l'Inde.").by()).containsExactly("CA");
		assertThat(statement("", "Польша потребовала объяснений от Белоруссии.").by()).containsExactly("PL");
		assertThat(statement("", "Colombia lamentó la decisión de Venezuela.").by()).containsExactly("CO");
		assertThat(statement("", "Österreich bedauert die Entscheidung Ungarns.").by()).containsExactly("AT");
		assertThat(statement("", "韩国对此表示遗憾。").by()).containsExactly("KR");
		assertThat(statement("", "Қазақстан шабуылды айыптады.").by()).containsExactly("KZ");
	}

	@Test
	void aMistakeInThePublishersFileNamesFileAndLine() {
		ByteArrayResource file = new ByteArrayResource("host\tXX\texample.org\n".getBytes(), "publishers.tsv");
		assertThatThrownBy(() -> Publishers.load(file))
			.hasMessageContaining("[publishers.tsv] line 1: 'XX' is not an ISO 3166-1 alpha-2 country code");
	}

	@Test
	void aMistakeInTheCuesFileNamesFileAndLine() {
		ByteArrayResource file = new ByteArrayResource("cue\tmanifesto\tmanifesto\n".getBytes(), "statements.tsv");
		assertThatThrownBy(() -> StatementCues.load(file))
			.hasMessageContaining("[statements.tsv] line 1: 'manifesto' is not a statement type");
	}

	private static Statement statement(String title, String body) {
		return statement(title, body, null, null);
	}

	private static Statement statement(String title, String body, String url, String language) {
		ArticleIngested plain = Articles.article(title, body.replace("\\n", "\n"));
		ArticleDraft draft = new ArticleDraft(new ArticleIngested(plain.id(), url, null, plain.title(), plain.body(),
				null, plain.ingestedAt(), null));
		if (language != null) {
			draft.language(language);
		}
		countries.tag(draft);
		persons.tag(draft);
		tagger.tag(draft);
		return draft.statement();
	}

}
