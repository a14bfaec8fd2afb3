package org.actionlearning.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.actionlearning.launcher.BothServices;
import org.actionlearning.launcher.SharedServices;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestIdentity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The set-password page checks its link on load: an unknown one says at once that it does not work (no form that
 * can only fail), a working one names the account it sets the password of. Whoever is signed in on the browser (here
 * an administrator who opens the link they issued), the page shows no signed-in header above "Choose your
 * password". Both pass axe at 1366 and 390 px.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({SharedServices.class, SharedBrowser.class})
class SetPasswordLinkBrowserTest {

    private Browser browser;
    private Pages pages;
    private BothServices services;

    @BeforeAll
    void signInAsTheAdministrator(BothServices services, Browser browser) {
        this.browser = browser;
        this.services = services;
        pages = new Pages(browser, services.queryUrl);
        browser.signIn(services.queryUrl, TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD);
    }

    @Test
    void anUnknownLinkSaysItDoesNotWork() throws IOException {
        pages.open("/set-password?token=no-such-link-" + System.nanoTime());

        assertThat(browser.find("#link-not-working").getText()).isEqualTo("This link does not work any more: links "
                + "work once and expire. Ask your administrator for a new one.");
        assertThat(browser.findAll("#set-password-form")).isEmpty();
        assertThat(browser.findAll("header .signed-in")).as("no signed-in header").isEmpty();
        pages.accessibleAtBothSizes("set-password-unknown-link");
    }

    @Test
    void aWorkingLinkNamesItsAccount() throws IOException {
        services.createUser("sam.linked", null);
        HttpJson.Response link = services.commands.post("/api/users/sam.linked/password-link", Map.of());
        assertThat(link.status()).as(link.raw()).isEqualTo(200);

        pages.open("/set-password?token=" + link.body().path("setPasswordToken").asText());

        assertThat(browser.find("#link-account").getText()).isEqualTo("For the account sam.linked.");
        assertThat(browser.find("h1").getText()).isEqualTo("Choose your password");
        assertThat(browser.findAll("#set-password-form")).hasSize(1);
        assertThat(browser.findAll("header .signed-in")).as("no signed-in header").isEmpty();
        pages.accessibleAtBothSizes("set-password-named");
    }
}
