package org.actionlearning.analytics;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** analytics is plain Java: no framework, no database, no I/O; it can be reused and tested anywhere. */
@AnalyzeClasses(packages = "org.actionlearning.analytics", importOptions = ImportOption.DoNotIncludeTests.class)
class AnalyticsArchitectureTest {

    @ArchTest
    static final ArchRule noSpringNoDatabaseNoMessaging = noClasses().should().dependOnClassesThat()
            .resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..", "org.jooq..",
                    "org.apache.kafka..", "org.axonframework..", "com.fasterxml.jackson..", "java.net..",
                    "java.io..", "java.nio.file..", "org.actionlearning.events..");
}
