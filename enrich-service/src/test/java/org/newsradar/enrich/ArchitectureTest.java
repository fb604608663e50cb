package org.newsradar.enrich;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package boundaries of enrich-service, checked on its compiled classes: the packages
 * depend on one another without cycles, and the taggers are plain code over an article's
 * text: no Kafka, no Elasticsearch, no web (the flow and the story memory do that).
 */
class ArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.newsradar.enrich");

	@Test
	void packagesDependOnEachOtherWithoutCycles() {
		slices().matching("org.newsradar.enrich.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void taggersTouchNeitherKafkaNorElasticsearchNorTheWeb() {
		noClasses().that()
			.resideInAnyPackage("org.newsradar.enrich.furniture..", "org.newsradar.enrich.language..",
					"org.newsradar.enrich.country..", "org.newsradar.enrich.person..",
					"org.newsradar.enrich.organization..", "org.newsradar.enrich.topic..",
					"org.newsradar.enrich.statement..", "org.newsradar.enrich.text..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.kafka..", "org.springframework.kafka..", "co.elastic..",
					"org.springframework.web..", "jakarta.servlet..")
			.check(CLASSES);
	}

}
