package org.actionlearning.launcher;

import java.nio.file.Path;

/**
 * What the launcher starts, from system properties or environment variables (property {@code a.b-c} or
 * variable {@code A_B_C}). An external PostgreSQL or Kafka given with the standard Spring settings
 * ({@code SPRING_DATASOURCE_URL}, {@code SPRING_KAFKA_BOOTSTRAP_SERVERS}) replaces the embedded one.
 * {@code ALS_ADMIN_PASSWORD} chooses the first administrator's password (otherwise one is made and kept).
 */
record LauncherSettings(Path dataDirectory, int commandPort, int queryPort, int postgresPort, int kafkaPort,
                        String externalDatasourceUrl, String externalKafka, DemoMode demo, String adminPassword) {

    enum DemoMode { FIRST_START, ALWAYS, NEVER }

    static LauncherSettings fromEnvironment() {
        return new LauncherSettings(
                Path.of(setting("als.data-dir", "data")),
                Integer.parseInt(setting("command.port", "8081")),
                Integer.parseInt(setting("query.port", "8082")),
                Integer.parseInt(setting("als.postgres-port", "54329")),
                Integer.parseInt(setting("als.kafka-port", "9092")),
                setting("spring.datasource.url", null),
                setting("spring.kafka.bootstrap-servers", null),
                DemoMode.valueOf(setting("als.demo", "first_start").toUpperCase()),
                setting("als.admin-password", null));
    }

    static String setting(String property, String fallback) {
        String value = System.getProperty(property);
        if (value == null) {
            value = System.getenv(property.toUpperCase().replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
