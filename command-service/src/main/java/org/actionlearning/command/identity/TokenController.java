package org.actionlearning.command.identity;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.actionlearning.service.Problems;
import org.actionlearning.service.security.Caller;
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
    private final UserAccounts accounts;
    private final org.springframework.security.oauth2.jwt.JwtDecoder decoder;

    TokenController(TokenIssuer issuer, UserAccounts accounts, org.actionlearning.service.security.JwtCallers jwt) {
        this.issuer = issuer;
        this.accounts = accounts;
        this.decoder = jwt.decoder();
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
        Caller caller = Callers.current();
        accounts.tokensNotBefore(caller.username()).ifPresent(TokenController::waitPast);
        waitPastGivenBack(caller);
        String passwordVersion = accounts.find(caller.username()).map(a -> TokenIssuer.passwordVersion(a.passwordHash()))
                .orElse(null);
        TokenIssuer.Token token = issuer.issue(caller, java.time.Instant.now(), passwordVersion);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new TokenResponse(token.accessToken(), "Bearer", token.expiresInSeconds()));
    }

    /**
     * A grant taken and given back counts only in tokens issued after it was given back ({@link UserAccounts}); a
     * token issued in that very second would count as before it, so it waits for the next second too.
     */
    private void waitPastGivenBack(Caller caller) {
        java.util.Map<org.actionlearning.service.security.Grant, java.time.Instant> revoked =
                accounts.revokedGrants(caller.username());
        caller.grants().stream().map(revoked::get).filter(java.util.Objects::nonNull)
                .max(java.util.Comparator.naturalOrder()).ifPresent(TokenController::waitPast);
    }

    /**
     * A token's {@code iat} has whole seconds, and one issued in the second of a password change counts as issued
     * before it (refused): a sign-in with the new password in that very second waits for the next one.
     */
    private static void waitPast(java.time.Instant notBefore) {
        java.time.Instant firstWholeSecond = notBefore.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
        long millis = java.time.Duration.between(java.time.Instant.now(), firstWholeSecond).toMillis();
        if (millis > 0 && millis <= 2_000) { // a database clock far ahead is not waited for
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A fresh token for the holder of a valid one, with the account's grants as they are now: the meeting console
     * renews its token during a long meeting. Up to {@link TokenIssuer#LONGEST_SIGNED_IN} after the password was
     * given; then 401, sign in again.
     */
    @PostMapping("/api/auth/token/renew")
    @Operation(summary = "Renew a bearer token", description = "With a valid bearer token of this service: a new "
            + "token with the account's current grants. Refused (401) 12 hours after signing in with the password, "
            + "and once the password has changed since that sign-in.")
    ResponseEntity<Object> renew(@org.springframework.web.bind.annotation.RequestHeader(
            name = "Authorization", required = false) String authorization) {
        if (!issuer.issuesTokens()) {
            return Problems.response(Problems.problem(HttpStatus.NOT_FOUND, "No token endpoint", null,
                    "this service issues no tokens: they come from the OIDC provider " + issuer.issuerUri()));
        }
        // the filter chain has checked the token already; here it is read for the time of the password sign-in
        String bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : null;
        if (bearer == null) {
            return Problems.response(Problems.problem(HttpStatus.BAD_REQUEST, "Not a bearer token", "Authorization",
                    "a token is renewed with the token itself (Authorization: Bearer); a password gets a new one "
                            + "from POST /api/auth/token"));
        }
        var jwt = decoder.decode(bearer);
        Object claim = jwt.getClaims().get(TokenIssuer.SIGNED_IN_AT);
        java.time.Instant signedInAt = claim instanceof Number n ? java.time.Instant.ofEpochSecond(n.longValue())
                : jwt.getIssuedAt();
        if (signedInAt == null || signedInAt.plus(TokenIssuer.LONGEST_SIGNED_IN).isBefore(java.time.Instant.now())) {
            return Problems.response(Problems.problem(HttpStatus.UNAUTHORIZED, "Sign in again", null,
                    "a token is renewed for up to " + TokenIssuer.LONGEST_SIGNED_IN.toHours()
                            + " hours after signing in with the password"));
        }
        var account = accounts.find(Callers.current().username());
        if (account.isEmpty()) {
            return Problems.response(Problems.problem(HttpStatus.UNAUTHORIZED, "Sign in again", null,
                    "the account no longer exists"));
        }
        String passwordVersion = TokenIssuer.passwordVersion(account.get().passwordHash());
        Object signedInWith = jwt.getClaims().get(TokenIssuer.PASSWORD_VERSION);
        if (signedInWith != null && !signedInWith.equals(passwordVersion)) {
            return Problems.response(Problems.problem(HttpStatus.UNAUTHORIZED, "Sign in again", null,
                    "the password was changed since this sign-in"));
        }
        waitPastGivenBack(account.get().caller());
        TokenIssuer.Token token = issuer.issue(account.get().caller(), signedInAt, passwordVersion);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(new TokenResponse(token.accessToken(), "Bearer", token.expiresInSeconds()));
    }
}
