package org.actionlearning.codegen;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jooq.codegen.GenerationTool;
import org.jooq.meta.jaxb.Configuration;
import org.jooq.meta.jaxb.Database;
import org.jooq.meta.jaxb.Generate;
import org.jooq.meta.jaxb.Generator;
import org.jooq.meta.jaxb.Target;

/**
 * Applies a module's Flyway migrations to a throw-away real PostgreSQL and generates jOOQ classes from the
 * result, so the generated code matches the schema exactly (types, keys, constraint names) and the
 * migrations stay the single source of the schema. Run at generate-sources by the exec plugin.
 *
 * <p>Arguments: migrations directory, output directory, target package.
 */
public final class JooqFromMigrations {

    private JooqFromMigrations() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            throw new IllegalArgumentException("usage: JooqFromMigrations <migrations dir> <output dir> <package>");
        }
        Path migrations = Path.of(args[0]).toAbsolutePath();
        Path output = Path.of(args[1]).toAbsolutePath();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            DataSource dataSource = postgres.getPostgresDatabase();
            Flyway.configure().dataSource(dataSource).locations("filesystem:" + migrations).load().migrate();
            try (Connection connection = dataSource.getConnection()) {
                GenerationTool tool = new GenerationTool();
                tool.setConnection(connection);
                tool.run(new Configuration().withGenerator(new Generator()
                        .withDatabase(new Database()
                                .withName("org.jooq.meta.postgres.PostgresDatabase")
                                .withInputSchema("public")
                                .withOutputSchemaToDefault(true)
                                .withExcludes("flyway_.*"))
                        .withGenerate(new Generate()
                                .withRecords(true)
                                .withPojos(false)
                                .withJavaTimeTypes(true)
                                .withFluentSetters(true))
                        .withTarget(new Target()
                                .withPackageName(args[2])
                                .withDirectory(output.toString())
                                .withClean(true))));
            }
        }
    }
}
