package org.actionlearning.testsupport;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The identity settings every test run of the services uses: the token key both services share, the first
 * administrator's password, the password the query service calls the command service with and the master key
 * that wraps the command service's person keys.
 */
public final class TestIdentity {

    public static final String JWT_SECRET = "tests-only-hmac-key-0123456789-abcdefghij";
    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    public static final String SERVICE_PASSWORD = "service-password-for-tests";
    /** Wraps the person keys (the command service's master key): base64 of 32 bytes. */
    public static final String MASTER_KEY = "dGVzdHMtb25seS1tYXN0ZXIta2V5LTAxMjM0NTY3ODk=";

    private TestIdentity() {
    }

    /** Spring properties (name=value) for either service. */
    public static List<String> properties() {
        return List.of("als.security.jwt-secret=" + JWT_SECRET, "als.identity.admin-password=" + ADMIN_PASSWORD,
                "als.security.service-password=" + SERVICE_PASSWORD, "als.personal-data.master-key=" + MASTER_KEY);
    }

    /** The same as command-line arguments (which, unlike default properties, win over the services' yml). */
    public static List<String> arguments() {
        return properties().stream().map(p -> "--" + p).toList();
    }

    /** These command-line arguments with the identity settings added. */
    public static String[] with(String... arguments) {
        return listWith(arguments).toArray(String[]::new);
    }

    /** The same as a list. */
    public static List<String> listWith(String... arguments) {
        List<String> all = new java.util.ArrayList<>(arguments());
        all.addAll(List.of(arguments));
        return all;
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
