package org.actionlearning.command;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.spring.stereotype.Aggregate;
import org.springframework.web.bind.annotation.RestController;

/** Layers of the write side: the domain knows nothing of HTTP, storage or Kafka; the web knows no storage. */
@AnalyzeClasses(packages = {"org.actionlearning.command", "org.actionlearning.eventstore"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class CommandServiceArchitectureTest {

    @ArchTest
    static final ArchRule aggregatesKnowNoInfrastructure = noClasses().that().areAnnotatedWith(Aggregate.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.jdbc..",
                    "java.sql..", "org.apache.kafka..", "..command.web..", "org.actionlearning.eventstore..");

    @ArchTest
    static final ArchRule aggregatesReadNoClock = noClasses().that().areAnnotatedWith(Aggregate.class)
            .should().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.time.Instant.class, "now")
            .because("business dates come from the command, never the wall clock");

    @ArchTest
    static final ArchRule controllersOnlySendCommands = noClasses().that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..",
                    "org.apache.kafka..", "org.axonframework.eventsourcing..", "org.actionlearning.eventstore..");

    @ArchTest
    static final ArchRule relayKnowsNoAggregates = noClasses()
            .that().resideInAPackage("org.actionlearning.eventstore.relay..")
            .should().dependOnClassesThat().areAnnotatedWith(Aggregate.class);

    @ArchTest
    static final ArchRule commandsAreRecords = classes().that().haveNameMatching(".*Commands\\$.*")
            .should().beRecords().because("messages are immutable records");

    /** Operators re-publish through the relay; the domain never reaches into it. */
    @ArchTest
    static final ArchRule onlyOperationsReachTheRelay = noClasses()
            .that().resideInAPackage("org.actionlearning.command..")
            .and().resideOutsideOfPackage("..command.operations..")
            .should().dependOnClassesThat().resideInAPackage("org.actionlearning.eventstore.relay..");

    /** e.g. programme forms learning sets, whose controllers seal personal text: personal data knows neither. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.actionlearning.command.(*)..").should()
            .beFreeOfCycles();
}
