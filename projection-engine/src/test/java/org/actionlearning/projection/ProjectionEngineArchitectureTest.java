package org.actionlearning.projection;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The engine knows the published language's envelope (and the marker every event implements), never a domain type:
 * the service registers its projections' handlers by event class, the engine dispatches by the envelope's type name.
 */
@AnalyzeClasses(packages = "org.actionlearning.projection", importOptions = ImportOption.DoNotIncludeTests.class)
class ProjectionEngineArchitectureTest {

    @ArchTest
    static final ArchRule knowsNoDomainType = noClasses().that().resideInAPackage("org.actionlearning.projection..")
            .should().dependOnClassesThat(resideInAPackage("org.actionlearning..")
                    .and(not(resideInAnyPackage("org.actionlearning.projection..", "org.actionlearning.events",
                            "org.actionlearning.events.envelope..", "org.actionlearning.service.."))))
            .because("the engine is a library: domain types live in the services and the events' own packages");
}
