package org.actionlearning.launcher.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.actionlearning.launcher.BothServices;
import org.actionlearning.testsupport.TestIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Authority taken ends on both services, not only at token renewal: after a password change by its owner or a reset
 * with a link, the token, the page session and the password the query service remembered from before are refused
 * (the page session is sent to sign in again, saying why), and the new password works at once; a member removed from
 * a set loses it with the token and page session from before.
 */
@ExtendWith(TrustServices.class)
class AuthorityEndsAcrossServicesTest {

    private static final String OPERATOR = TestIdentity.basic(TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD);
    private static final String CHANGED = "Green-kettle-sings-at-7";
    private static final String RESET = "Slow-barge-drifts-past-9";
    /** The query service learns refusals with the disabled users, asked every 5 seconds: room for a slow machine. */
    private static final Duration LEARNT_WITHIN = Duration.ofSeconds(20);

    @Test
    void aPasswordChangeOrResetEndsWhatWasSignedInWithTheOldPasswordOnBothServices() {
        BothServices services = TrustServices.services();
        Organisation org = organisation(services, "Passwords");
        String record = "/api/sets/" + org.setId + "/record";
        String page = "/sets/" + org.setId + "/record";
        awaitRecord(services, org, record);

        // the member changes their own password with the token they hold
        Organisation.Account member = org.account(Organisation.Role.MEMBER);
        signedInEverywhere(services, member, record, page);
        Http.Answer changed = Http.send(services.commandUrl + "/api/account/password", "POST", member.bearer(),
                Organisation.write(Map.of("currentPassword", Organisation.PASSWORD, "newPassword", CHANGED)), Map.of());
        assertThat(changed.status()).as(changed.brief()).isEqualTo(200);
        endedEverywhere(services, member, record, page);
        signsInWith(services, member.username(), CHANGED, record, page);

        // the facilitator's password is reset with a link from the administrator
        Organisation.Account facilitator = org.account(Organisation.Role.FACILITATOR);
        signedInEverywhere(services, facilitator, record, page);
        Http.Answer link = Http.send(services.commandUrl + "/api/users/" + facilitator.username() + "/password-link",
                "POST", OPERATOR, "{}", Map.of());
        assertThat(link.status()).as(link.brief()).isEqualTo(200);
        Http.Answer reset = Http.send(services.commandUrl + "/api/auth/set-password", "POST", null,
                Organisation.write(Map.of("token", Organisation.read(link.body()).get("setPasswordToken").asText(),
                        "password", RESET)), Map.of());
        assertThat(reset.status()).as(reset.brief()).isEqualTo(200);
        endedEverywhere(services, facilitator, record, page);
        signsInWith(services, facilitator.username(), RESET, record, page);
    }

    @Test
    void aRemovedMemberLosesTheSetWithTheTokenAndPageSessionFromBefore() {
        BothServices services = TrustServices.services();
        Organisation org = organisation(services, "Leavers");
        String record = "/api/sets/" + org.setId + "/record";
        String page = "/sets/" + org.setId + "/record";
        awaitRecord(services, org, record);
        Organisation.Account member = org.account(Organisation.Role.MEMBER);
        assertThat(member.pages().get(page).status()).isEqualTo(200);
        String pulse = services.commandUrl + "/api/sets/" + org.setId + "/meetings/" + org.meetingId + "/pulse";

        Http.Answer removed = Http.send(services.commandUrl + "/api/sets/" + org.setId + "/members/"
                + org.members.get(1), "DELETE", OPERATOR, null, Map.of());
        assertThat(removed.status()).as(removed.brief()).isEqualTo(204);

        // the command service: at once, with the token from before and with the password. With no grant left in the
        // organisation the member is a stranger to it: the set answers as unknown (404) on both services
        for (String caller : List.of(member.bearer(), TestIdentity.basic(member.username(), Organisation.PASSWORD))) {
            Http.Answer answered = Http.send(pulse, "POST", caller,
                    Organisation.write(Map.of("items", List.of(4, 4, 4, 4, 4, 4, 4))), Map.of());
            assertThat(answered.status()).as(answered.brief()).isEqualTo(404);
        }
        // the query service: once it reads the removal
        await().atMost(LEARNT_WITHIN).pollInterval(Duration.ofMillis(300)).until(() ->
                query(services, record, member.bearer()).status() == 404);
        assertThat(member.pages().get(page).status()).isEqualTo(404);
        assertThat(query(services, record, TestIdentity.basic(member.username(), Organisation.PASSWORD)).status())
                .isEqualTo(404);
    }

    private static Organisation organisation(BothServices services, String marker) {
        Http.Answer adminToken = Http.send(services.commandUrl + "/api/auth/token", "POST", OPERATOR, "", Map.of());
        return new Organisation(services, Organisation.read(adminToken.body()).get("access_token").asText(), marker);
    }

    private static void awaitRecord(BothServices services, Organisation org, String record) {
        String facilitator = org.account(Organisation.Role.FACILITATOR).bearer();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() ->
                query(services, record, facilitator).body().contains(org.marker + " what have you tried?"));
    }

    /** Token, page session and password all open the record; the query service now remembers the password. */
    private static void signedInEverywhere(BothServices services, Organisation.Account account, String record,
                                           String page) {
        assertThat(query(services, record, account.bearer()).status()).isEqualTo(200);
        assertThat(query(services, record, TestIdentity.basic(account.username(), Organisation.PASSWORD)).status())
                .isEqualTo(200);
        assertThat(account.pages().get(page).status()).isEqualTo(200);
    }

    private static void endedEverywhere(BothServices services, Organisation.Account account, String record,
                                        String page) {
        // the command service: at once
        Http.Answer command = Http.send(services.commandUrl + "/api/auth/token", "POST", account.bearer(), "",
                Map.of());
        assertThat(command.status()).as("a token from before, on the command service").isEqualTo(401);
        // the query service: once it has asked for the refused tokens; the remembered password goes with them
        await().atMost(LEARNT_WITHIN).pollInterval(Duration.ofMillis(300)).until(() ->
                query(services, record, account.bearer()).status() == 401);
        assertThat(query(services, record, TestIdentity.basic(account.username(), Organisation.PASSWORD)).status())
                .as("the old password the query service remembered").isEqualTo(401);
        Http.Answer session = account.pages().get(page);
        assertThat(session.status()).as("the page session from before").isEqualTo(302);
        assertThat(session.header("Location")).endsWith("/login?ended");
    }

    private static void signsInWith(BothServices services, String username, String password, String record,
                                    String page) {
        assertThat(query(services, record, TestIdentity.basic(username, password)).status()).isEqualTo(200);
        assertThat(new Http.Browser(services.queryUrl, username, password).get(page).status()).isEqualTo(200);
    }

    private static Http.Answer query(BothServices services, String path, String authorization) {
        return Http.send(services.queryUrl + path, "GET", authorization, null, Map.of("Accept", "application/json"));
    }
}
