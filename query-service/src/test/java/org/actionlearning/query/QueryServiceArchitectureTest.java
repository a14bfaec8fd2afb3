package org.actionlearning.query;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/**
 * Layers of the read side: projections write the read models and know nothing of the API; queries read them and
 * know nothing of HTTP or who asks; controllers and pages ask `access` who may see what, then ask the queries,
 * and never touch the database themselves.
 */
@AnalyzeClasses(packages = "org.actionlearning.query", importOptions = ImportOption.DoNotIncludeTests.class)
class QueryServiceArchitectureTest {

    @ArchTest
    static final ArchRule projectionsKnowNoReadersOrApi = noClasses().that().resideInAPackage("..query.projection..")
            .should().dependOnClassesThat().resideInAnyPackage("..query.read..", "..query.web..", "..query.ui..",
                    "..query.access..", "org.springframework.web..");

    @ArchTest
    static final ArchRule queriesKnowNoHttpNorCallers = noClasses().that().resideInAPackage("..query.read..")
            .should().dependOnClassesThat().resideInAnyPackage("..query.web..", "..query.ui..", "..query.access..",
                    "..query.projection..", "org.actionlearning.projection..", "org.springframework.web..",
                    "org.springframework.security..");

    @ArchTest
    static final ArchRule controllersTouchNoDatabase = noClasses().that().areAnnotatedWith(RestController.class)
            .or().areAnnotatedWith(Controller.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.springframework.jdbc..", "java.sql..",
                    "..query.jooq..", "org.apache.kafka..");
}
