package org.newsradar.alert;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package boundaries of alert-service, checked on its compiled classes.
 */
class ArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.newsradar.alert");

	/**
	 * The domain packages (rules, matching, alerts raised, deliveries, news, feeds)
	 * depend on one another without cycles. The controllers are left out, and only they:
	 * their pages and answers show several domains at once (the rules page shows each
	 * rule's alerts). Raising an alert queues its deliveries, and a digest reads the
	 * alerts of its period through {@code delivery.RaisedAlerts}, which {@code raised}
	 * implements.
	 */
	@Test
	void domainPackagesDependOnEachOtherWithoutCycles() {
		slices().matching("org.newsradar.alert.(*)..")
			.should()
			.beFreeOfCycles()
			.ignoreDependency(simpleNameEndingWith("Controller"), DescribedPredicate.alwaysTrue())
			.check(CLASSES);
	}

	@Test
	void matchingKnowsNothingOfAlertsRaisedOrTheirDelivery() {
		noClasses().that()
			.resideInAPackage("org.newsradar.alert.matching..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.newsradar.alert.delivery..", "org.newsradar.alert.raised..",
					"org.newsradar.alert.console..")
			.check(CLASSES);
	}

}
