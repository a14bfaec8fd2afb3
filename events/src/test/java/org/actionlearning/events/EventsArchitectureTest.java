package org.actionlearning.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The published language depends on Java and Jackson only, so any consumer can take it. */
@AnalyzeClasses(packages = "org.actionlearning.events", importOptions = ImportOption.DoNotIncludeTests.class)
class EventsArchitectureTest {

    @ArchTest
    static final ArchRule onlyJavaAndJackson = classes().should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "com.fasterxml.jackson..", "org.actionlearning.events..");

    @ArchTest
    static final ArchRule eventsAreRecords = classes().that().implement(DomainEvent.class).should().beRecords();
}
