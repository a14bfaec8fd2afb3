package org.actionlearning.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.launcher.BothServices;
import org.actionlearning.launcher.SharedServices;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestIdentity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Facilitators, sponsors and administrators are no members, so they never see the members' own pages: the page
 * every role lands on after signing in (the programmes) tells them a password set by someone else, and tells
 * nothing once they chose their own. It passes axe at 1366 and 390 px with the notice shown.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({SharedServices.class, SharedBrowser.class})
class PasswordNoticeBrowserTest {

    private static final String ORGANISATION = "Noticewell Trust";
    private static final String CHOSEN = "Amber-kestrel-hovers-low";

    private Browser browser;
    private Pages pages;
    private BothServices services;
    private UUID programmeId;
    private UUID setId;

    @BeforeAll
    void setUp(BothServices services, Browser browser) {
        this.browser = browser;
        this.services = services;
        pages = new Pages(browser, services.queryUrl);
        programmeId = services.commands.post("/api/programmes", Map.of("organisation", ORGANISATION,
                "name", "Told passwords", "sponsor", "Chief Executive", "startsOn", "2026-01-05",
                "currency", "GBP")).id("programmeId");
        setId = services.commands.post("/api/sets", Map.of("programmeId", programmeId, "name", "Noticers",
                "facilitatorName", "Nell Notice")).id("setId");
    }

    @Test
    void aFacilitatorIsToldOfTheLinkThatSetTheirPassword() throws IOException {
        services.createUser("nell.notice", null, "FACILITATOR:" + setId);
        services.createUser("nia.admin", null, "ADMIN:" + ORGANISATION);
        HttpJson.Response link = services.commands.as("nia.admin", BothServices.PASSWORD)
                .post("/api/users/nell.notice/password-link", Map.of());
        assertThat(link.status()).as(link.raw()).isEqualTo(200);
        HttpJson.Response set = services.commands.anonymous().post("/api/auth/set-password",
                Map.of("token", link.body().path("setPasswordToken").asText(), "password", CHOSEN));
        assertThat(set.status()).as(set.raw()).isEqualTo(200);

        browser.signIn(services.queryUrl, "nell.notice", CHOSEN);
        pages.open("/");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(browser.find("#password-notice").getText()).isEqualTo("Your password was set through a link "
                + "issued by nia.admin on " + today + " (set on " + today + "). If you did not use that link "
                + "yourself, tell your administrator.");
        pages.accessibleAtBothSizes("programmes-password-notice");
    }

    @Test
    void anAdministratorAndASponsorAreToldWhoCreatedTheirAccountUntilTheyChooseTheirOwn() throws IOException {
        services.createUser("ned.admin", null, "ADMIN:" + ORGANISATION);
        services.createUser("nora.sponsor", null, "SPONSOR:" + programmeId);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        for (String username : new String[] {"ned.admin", "nora.sponsor"}) {
            browser.signIn(services.queryUrl, username, BothServices.PASSWORD);
            pages.open("/");
            assertThat(browser.find("#password-notice").getText()).as(username).isEqualTo("Your password was set "
                    + "by " + TestIdentity.ADMIN + " when they created your account on " + today + ", so they know "
                    + "it: ask for a set-password link to choose your own.");
        }

        HttpJson.Response own = services.commands.as("nora.sponsor", BothServices.PASSWORD).post(
                "/api/account/password", Map.of("currentPassword", BothServices.PASSWORD, "newPassword", CHOSEN));
        assertThat(own.status()).as(own.raw()).isEqualTo(200);
        browser.signIn(services.queryUrl, "nora.sponsor", CHOSEN);
        pages.open("/");
        assertThat(browser.findAll("#password-notice")).as("no notice once chosen").isEmpty();
    }
}
