package org.newsradar.ingest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package boundaries of ingest-service, checked on its compiled classes: the packages
 * depend on one another without cycles, taking an article in knows nothing of where it
 * came from (feeds, pages, seed files), and fetching knows nothing of what is fetched.
 */
class ArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.newsradar.ingest");

	@Test
	void packagesDependOnEachOtherWithoutCycles() {
		slices().matching("org.newsradar.ingest.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void fetchingKnowsNothingOfFeedsPagesOrArticles() {
		noClasses().that()
			.resideInAPackage("org.newsradar.ingest.fetch..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.newsradar.ingest.feed..", "org.newsradar.ingest.page..",
					"org.newsradar.ingest.article..", "org.newsradar.ingest.seed..")
			.check(CLASSES);
	}

	@Test
	void takingAnArticleInKnowsNoSourceOfArticles() {
		noClasses().that()
			.resideInAPackage("org.newsradar.ingest.article..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.newsradar.ingest.feed..", "org.newsradar.ingest.page..",
					"org.newsradar.ingest.seed..")
			.check(CLASSES);
	}

}
