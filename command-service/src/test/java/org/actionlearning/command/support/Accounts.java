package org.actionlearning.command.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.testsupport.HttpJson;

/** Users of the built-in identity store made by an administrator, and clients signed in as them. */
public final class Accounts {

    /** Long and in no list of common passwords: passes the strength check. */
    public static final String PASSWORD = "Tall-heron-crosses-4-rivers";

    private final HttpJson admin;

    public Accounts(HttpJson admin) {
        this.admin = admin;
    }

    /** A new user (a unique name from {@code prefix}) with these grants, and a client signed in as them. */
    public HttpJson create(String prefix, List<String> grants) {
        return create(prefix, null, grants);
    }

    public HttpJson create(String prefix, UUID personId, List<String> grants) {
        return createNamed(prefix + "-" + UUID.randomUUID().toString().substring(0, 8), personId, grants);
    }

    /** A new user of exactly this name, with {@link #PASSWORD}. */
    public HttpJson createNamed(String username, List<String> grants) {
        return createNamed(username, null, grants);
    }

    private HttpJson createNamed(String username, UUID personId, List<String> grants) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", username);
        body.put("password", PASSWORD);
        body.put("personId", personId);
        body.put("grants", grants);
        HttpJson.Response created = admin.post("/api/users", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return admin.as(username, PASSWORD);
    }
}
