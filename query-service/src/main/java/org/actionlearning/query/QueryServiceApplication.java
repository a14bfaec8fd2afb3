package org.actionlearning.query;

import org.actionlearning.projection.ProjectionEngine;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;

/** The read side: projects the events topic into PostgreSQL read models and answers queries and dashboards. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Import(ProjectionEngine.class)
public class QueryServiceApplication {

    /** Its configuration file is {@code query-service.yml}, so it can share a classpath with the command side. */
    public static final String CONFIG_NAME = "spring.config.name=query-service";

    public static void main(String[] args) {
        builder().run(args);
    }

    public static SpringApplicationBuilder builder() {
        return new SpringApplicationBuilder(QueryServiceApplication.class).properties(CONFIG_NAME);
    }
}
