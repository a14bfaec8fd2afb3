package org.actionlearning.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs bearer tokens with the tests' shared key, as the built-in identity store does, for a service tested
 * without the command service in front of it. The services verify them with their real JWT decoder.
 */
public final class TestTokens {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private TestTokens() {
    }

    /** @param grants e.g. {@code "FACILITATOR:" + setId} */
    public static String token(String username, UUID personId, String... grants) {
        Instant now = Instant.now();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", username);
        claims.put("aud", List.of("als-platform"));
        claims.put("iat", now.getEpochSecond());
        claims.put("exp", now.plusSeconds(3600).getEpochSecond());
        claims.put("als_grants", List.of(grants));
        if (personId != null) {
            claims.put("als_person", personId.toString());
        }
        try {
            String signingInput = part(Map.of("alg", "HS256", "typ", "JWT")) + "." + part(claims);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(TestIdentity.JWT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return signingInput + "." + BASE64URL.encodeToString(mac.doFinal(
                    signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String part(Object json) throws java.io.IOException {
        return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
    }
}
