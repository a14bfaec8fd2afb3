package org.actionlearning.command.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.actionlearning.service.Problems;
import org.actionlearning.service.security.Callers;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Exchanges a user's password (HTTP Basic) for a bearer token, as an OAuth2 token endpoint answers. In OIDC mode
 * the provider issues the tokens: 404, naming it.
 */
@RestController
@Tag(name = "Identity", description = "Tokens and users of the built-in identity store")
class TokenController {

    private final TokenIssuer issuer;

    TokenController(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    record TokenResponse(@JsonProperty("access_token") String accessToken,
                         @JsonProperty("token_type") String tokenType,
                         @JsonProperty("expires_in") long expiresIn) {
    }

    @PostMapping("/api/auth/token")
    @Operation(summary = "Get a bearer token", description = "Sign in with HTTP Basic; the token carries your grants "
            + "and is accepted by both services.")
    ResponseEntity<Object> token() {
        if (!issuer.issuesTokens()) {
            return Problems.response(Problems.problem(HttpStatus.NOT_FOUND, "No token endpoint", null,
                    "this service issues no tokens: they come from the OIDC provider " + issuer.issuerUri()));
        }
        TokenIssuer.Token token = issuer.issue(Callers.current());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new TokenResponse(token.accessToken(), "Bearer", token.expiresInSeconds()));
    }
}
