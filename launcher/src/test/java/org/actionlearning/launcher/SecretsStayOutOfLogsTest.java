package org.actionlearning.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Passwords and tokens travel in requests and nowhere else: after users sign in every way there is (HTTP Basic on
 * both services, a bearer token, a wrong password, the token endpoint, user creation), neither the services' log
 * output nor the stored events nor the users table contain them in plain.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsStayOutOfLogsTest {

    private static final String PASSWORD = "Raven-7-feather-Secret"; // must not contain the username
    private static final String WRONG = "Wrong-4-feather-Guess";

    @Test
    void passwordsAndTokensAppearInNoLogAndNoEvent(CapturedOutput output) throws Exception {
        String token;
        try (BothServices services = new BothServices("secrets")) {
            HttpJson.Response created = services.commands.post("/api/users", Map.of("username", "quill",
                    "password", PASSWORD, "grants", List.of("ADMIN:Quill Org")));
            assertThat(created.status()).isEqualTo(201);

            HttpJson commands = services.commands.as("quill", PASSWORD);
            assertThat(commands.post("/api/programmes", Map.of("organisation", "Quill Org", "name", "Secret keeping",
                    "sponsor", "S", "startsOn", "2026-01-05", "currency", "GBP")).status()).isEqualTo(201);
            HttpJson.Response issued = commands.post("/api/auth/token", "");
            assertThat(issued.status()).isEqualTo(200);
            token = issued.body().get("access_token").asText();
            assertThat(token).isNotBlank();

            assertThat(services.queries.withToken(token).get("/api/programmes").status()).isEqualTo(200);
            assertThat(services.queries.as("quill", PASSWORD).get("/api/programmes").status()).isEqualTo(200);
            assertThat(services.queries.as("quill", WRONG).get("/api/programmes").status()).isEqualTo(401);
            assertThat(services.commands.as("quill", WRONG).get("/api/users").status()).isEqualTo(401);
            assertThat(services.commands.withToken(token + "x").get("/api/users").status()).isEqualTo(401);

            List<String> stored = rows(services.commandDatabaseUrl, "select payload, metadata from domainevententry");
            stored.addAll(rows(services.commandDatabaseUrl, "select username, password_hash from app_user"));
            assertThat(stored).isNotEmpty().noneMatch(row -> row.contains(PASSWORD) || row.contains(WRONG)
                    || row.contains(token));
            assertThat(String.join("\n", stored)).contains("quill"); // the audit trail names the user, not the secret
        }
        assertThat(output.getAll()).contains("Started")
                .doesNotContain(PASSWORD).doesNotContain(WRONG).doesNotContain(token)
                .doesNotContain(TestIdentity.ADMIN_PASSWORD).doesNotContain(TestIdentity.JWT_SECRET)
                .doesNotContain(TestIdentity.MASTER_KEY);
    }

    private static List<String> rows(String url, String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, "postgres", "postgres");
             ResultSet rs = connection.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                    byte[] value = rs.getBytes(column);
                    row.append(value == null ? "" : new String(value, StandardCharsets.UTF_8)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
