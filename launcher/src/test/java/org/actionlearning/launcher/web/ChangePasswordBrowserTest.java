package org.actionlearning.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.launcher.BothServices;
import org.actionlearning.launcher.SharedServices;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A user who administers nothing (a sponsor) changes their own password from the link in the header: a wrong
 * current password and a weak new one are refused beside their fields, a repeat that differs before anything is
 * sent; then the new password signs in and the old one does not. The page passes axe at 1366 and 390 px, also with
 * a refusal shown.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({SharedServices.class, SharedBrowser.class})
class ChangePasswordBrowserTest {

    private static final String USERNAME = "pia.password";
    private static final String CHOSEN = "Quiet-lantern-walks-home";

    private Browser browser;
    private Pages pages;
    private BothServices services;

    @BeforeAll
    void signInAsASponsor(BothServices services, Browser browser) {
        this.browser = browser;
        this.services = services;
        pages = new Pages(browser, services.queryUrl);
        UUID programmeId = services.commands.post("/api/programmes", Map.of("organisation", "Passworth Trust",
                "name", "Own passwords", "sponsor", "Chief Executive", "startsOn", "2026-01-05",
                "currency", "GBP")).id("programmeId");
        services.createUser(USERNAME, null, "SPONSOR:" + programmeId);
        browser.signIn(services.queryUrl, USERNAME, BothServices.PASSWORD);
    }

    @Test
    void aSponsorChangesTheirOwnPassword() throws IOException {
        pages.open("/");
        browser.find("header a.account-link").click();
        browser.wait.until(d -> pages.path().equals("/account/password"));
        assertThat(browser.consoleErrors()).isEmpty();
        assertThat(browser.find("h1").getText()).isEqualTo("Change your password");
        pages.accessibleAtBothSizes("account-password");

        fill("Not-the-password-at-all", CHOSEN, CHOSEN);
        refusedBeside("#current-password", "is not your current password");
        pages.accessibleAtBothSizes("account-password-refused");

        fill(BothServices.PASSWORD, "abcdefgh12345", "abcdefgh12345");
        refusedBeside("#new-password", "must not contain a run of 5 such as 12345, abcde or qwert");
        assertThat(browser.find("#current-password-error").isDisplayed()).as("the earlier refusal is gone").isFalse();

        fill(BothServices.PASSWORD, CHOSEN, CHOSEN + "!");
        refusedBeside("#repeat-password", "is not the same password");
        // the browser logs the two refused requests, and nothing else
        assertThat(browser.consoleErrors()).hasSize(2)
                .allSatisfy(error -> assertThat(error).contains("/api/account/password", "status of 400"));

        fill(BothServices.PASSWORD, CHOSEN, CHOSEN);
        browser.wait.until(d -> browser.find("#change-password-form .form-status").getText()
                .equals("Your password is changed: sign in with it from now on."));
        assertThat(browser.find("#current-password").getAttribute("value")).as("the form is emptied").isEmpty();

        assertThat(services.commands.as(USERNAME, BothServices.PASSWORD).post("/api/auth/token", Map.of()).status())
                .as("the old password signs in no more").isEqualTo(401);
        browser.signIn(services.queryUrl, USERNAME, CHOSEN);
        assertThat(browser.find("header .signed-in span").getText()).isEqualTo(USERNAME);
    }

    private void fill(String current, String next, String repeat) {
        for (Map.Entry<String, String> field : Map.of("#current-password", current, "#new-password", next,
                "#repeat-password", repeat).entrySet()) {
            browser.find(field.getKey()).clear();
            browser.find(field.getKey()).sendKeys(field.getValue());
        }
        pages.submit("#change-password-form");
    }

    /** The refusal shows beside the field, which is marked invalid. */
    private void refusedBeside(String input, String message) {
        browser.wait.until(d -> browser.find(input + "-error").isDisplayed());
        assertThat(browser.find(input + "-error").getText()).isEqualTo(message);
        assertThat(browser.find(input).getAttribute("aria-invalid")).isEqualTo("true");
    }
}
