package org.actionlearning.command.identity;

import java.time.Instant;
import java.util.List;
import org.actionlearning.service.security.Caller;
import org.actionlearning.service.security.Grant;
import org.actionlearning.service.security.JwtCallers;
import org.actionlearning.service.security.SecurityProperties;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Signs bearer tokens for users of the built-in identity store; both services accept them. */
@Component
public class TokenIssuer {

    private final JwtEncoder encoder;
    private final SecurityProperties properties;

    public TokenIssuer(JwtCallers jwt) {
        this.properties = jwt.properties();
        this.encoder = properties.issuesOwnTokens() ? jwt.encoder() : null;
    }

    public record Token(String accessToken, long expiresInSeconds) {
    }

    /** False in OIDC mode, where the provider issues the tokens. */
    public boolean issuesTokens() {
        return encoder != null;
    }

    public String issuerUri() {
        return properties.issuerUri();
    }

    public Token issue(Caller caller) {
        if (encoder == null) {
            throw new IllegalStateException("tokens come from the OIDC provider " + properties.issuerUri());
        }
        Instant now = Instant.now();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .subject(caller.username())
                .audience(List.of(properties.audience()))
                .issuedAt(now)
                .expiresAt(now.plus(properties.tokenTtl()))
                .claim(properties.grantsClaim(), caller.grants().stream().map(Grant::claim).sorted().toList());
        caller.person().ifPresent(p -> claims.claim(properties.personClaim(), p.toString()));
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                claims.build())).getTokenValue();
        return new Token(token, properties.tokenTtl().toSeconds());
    }
}
