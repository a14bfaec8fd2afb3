package org.actionlearning.eventstore;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The event store and the relay know the published language's envelope (and the marker every event implements),
 * never an aggregate, a command or a domain event type: they store and publish whatever the service's aggregates
 * apply.
 */
@AnalyzeClasses(packages = "org.actionlearning.eventstore", importOptions = ImportOption.DoNotIncludeTests.class)
class EventStoreArchitectureTest {

    @ArchTest
    static final ArchRule knowsNoDomainType = noClasses().that().resideInAPackage("org.actionlearning.eventstore..")
            .should().dependOnClassesThat(resideInAPackage("org.actionlearning..")
                    .and(not(resideInAnyPackage("org.actionlearning.eventstore..", "org.actionlearning.events",
                            "org.actionlearning.events.envelope..", "org.actionlearning.service.."))))
            .because("the engine is a library: domain types live in the services and the events' own packages");
}
