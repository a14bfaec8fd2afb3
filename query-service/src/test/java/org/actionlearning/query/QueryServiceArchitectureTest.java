package org.actionlearning.query;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.RestController;

/**
 * Layers of the read side: projections write the read models and know nothing of the API; queries read them and
 * know nothing of HTTP or who asks; controllers and pages ask `access` who may see what, then ask the queries,
 * and never touch the database themselves. The projection engine is a library the service uses through its
 * public types, from the projections and the operators' endpoints only.
 */
@AnalyzeClasses(packages = {"org.actionlearning.query", "org.actionlearning.projection"},
        importOptions = ImportOption.DoNotIncludeTests.class)
class QueryServiceArchitectureTest {

    @ArchTest
    static final ArchRule projectionsKnowNoReadersOrApi = noClasses().that().resideInAPackage("..query.projection..")
            .should().dependOnClassesThat().resideInAnyPackage("..query.read..", "..query.web..", "..query.ui..",
                    "..query.access..", "..query.identity..", "org.springframework.web..");

    @ArchTest
    static final ArchRule queriesKnowNoHttpNorCallers = noClasses().that().resideInAPackage("..query.read..")
            .should().dependOnClassesThat().resideInAnyPackage("..query.web..", "..query.ui..", "..query.access..",
                    "..query.identity..", "..query.projection..", "org.actionlearning.projection..",
                    "org.springframework.web..", "org.springframework.security..");

    @ArchTest
    static final ArchRule controllersTouchNoDatabase = noClasses().that().areAnnotatedWith(RestController.class)
            .or().areAnnotatedWith(Controller.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.springframework.jdbc..", "java.sql..",
                    "..query.jooq..", "org.apache.kafka..");

    /** {@code ReadModelWrites} holds a transaction's writes until just before it commits. */
    @ArchTest
    static final ArchRule projectionsWriteOnlyThroughReadModelWrites = noClasses()
            .that().resideInAPackage("..query.projection..")
            .should().callMethodWhere(target(name("execute")).and(target(owner(resideInAPackage("org.jooq..")))))
            .because("a statement executed directly would overtake the writes ReadModelWrites still holds");

    /** The engine declares its own tables for itself; the service reads them through its generated classes. */
    @ArchTest
    static final ArchRule serviceReachesNoEngineInternals = noClasses()
            .that().resideInAPackage("org.actionlearning.query..")
            .should().dependOnClassesThat().resideInAPackage("org.actionlearning.projection.schema..");

    @ArchTest
    static final ArchRule onlyProjectionsAndOperationsUseTheEngine = noClasses()
            .that().resideInAnyPackage("..query.read..", "..query.web..", "..query.ui..", "..query.access..",
                    "..query.identity..")
            .should().dependOnClassesThat().resideInAPackage("org.actionlearning.projection..");

    /**
     * The pages and the API ask {@code access} what a caller may read, so {@code access} knows neither; the security
     * chains, which name the pages' settings, live above them in {@code identity}.
     */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("org.actionlearning.query.(*)..").should()
            .beFreeOfCycles();

    /** A concept of the read side builds on shared pieces and on simpler concepts, never the other way round. */
    @ArchTest
    static final ArchRule noCyclesBetweenReadConcepts = slices().matching("org.actionlearning.query.read.(*)..")
            .should().beFreeOfCycles();

    /** The naming of the read side (see the package's documentation): a service there answers queries. */
    @ArchTest
    static final ArchRule readServicesAreQueries = classes().that().resideInAPackage("..query.read..")
            .and().areAnnotatedWith(Service.class).should().haveSimpleNameEndingWith("Queries");

    /** Readers fetch rows for the queries; what controllers and pages get is a query's answer. */
    @ArchTest
    static final ArchRule readersServeOnlyQueries = classes().that().resideInAPackage("..query.read..")
            .and().haveSimpleNameEndingWith("Reader").should().onlyBeAccessed().byClassesThat()
            .resideInAPackage("..query.read..");
}
