package org.actionlearning.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.launcher.BothServices;
import org.actionlearning.launcher.SharedServices;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An organisation's administrator, in a real headless Chromium, from an empty organisation: launches a programme,
 * records its costs, forms a set with a facilitator and adds five members, each given an account and a one-time
 * set-password link in the same step. The links are used, and each person signs in and sees what their grant
 * allows. The users page disables one of them (who then cannot sign in) and resets another's password. Refusals
 * show beside their field, in view on a phone; axe-core finds no serious or critical violation on any of the new
 * pages at 1366 and 390 px. Screenshots go to target/screenshots/admin-*.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({SharedServices.class, SharedBrowser.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminPagesBrowserTest {

    private static final String ORGANISATION = "Riverside Health";
    /** What each person chooses on the set-password page: long, uncommon, without their user name. */
    private static final String CHOSEN = "Quiet-otter-paints-7-boats";
    private static final List<String> MEMBERS = List.of("ann.r", "ben.r", "cat.r", "dev.r", "eve.r");

    private Browser browser;
    private Pages pages;
    private BothServices services;
    private UUID otherProgramme;
    private String programmePage;
    private String setPage;
    private UUID setId;
    /** The set-password link of each person, as the administrator's pages showed it. */
    private final Map<String, String> links = new LinkedHashMap<>();

    @BeforeAll
    void start(BothServices services, Browser browser) throws IOException {
        this.browser = browser;
        this.services = services;
        pages = new Pages(browser, services.queryUrl);
        // another organisation's programme: never offered to this administrator
        otherProgramme = services.commands.post("/api/programmes", Map.of("organisation", "Elsewhere Council",
                "name", "Hidden programme", "sponsor", "S", "startsOn", "2026-01-05", "currency", "GBP"))
                .id("programmeId");
        services.createUser("olivia", null, "ADMIN:" + ORGANISATION);
        await().atMost(Duration.ofSeconds(30)).until(() -> services.queries.get("/api/programmes").raw()
                .contains(otherProgramme.toString()));
        browser.signIn(services.queryUrl, "olivia", BothServices.PASSWORD);
    }

    @Test
    @Order(1)
    void launchesAProgrammeOfTheirOwnOrganisationOnly() throws IOException {
        pages.open("/admin");
        assertThat(new Select(browser.find("#launch-organisation")).getOptions()).extracting(WebElement::getText)
                .containsExactly(ORGANISATION);
        assertThat(browser.find("main").getText()).doesNotContain("Hidden programme");
        pages.accessibleAtBothSizes("admin-home");

        // refused by the command API: the message stands beside the field, in view on a phone
        browser.resize(Browser.PHONE);
        try {
            browser.find("#launch-sponsor").sendKeys("Chief Nurse");
            pages.submit("#launch-form");
            browser.wait.until(d -> browser.find("#launch-name-error").isDisplayed());
            assertThat(browser.find("#launch-name-error").getText()).isNotBlank();
            assertThat(browser.find("#launch-name").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(pages.inView("#launch-name-error")).isTrue();
            browser.consoleErrors(); // the refused request, logged by the browser as a failed load
            assertThat(browser.accessibilityViolations()).isEmpty();
            browser.screenshot("admin-launch-refused-phone");
        } finally {
            browser.resize(Browser.DESKTOP);
        }

        browser.find("#launch-name").sendKeys("Leading change 2027");
        browser.script("document.getElementById('launch-starts').value = '2027-01-11'");
        pages.submit("#launch-form");
        browser.wait.until(d -> browser.currentUrl().contains("/admin/programmes/"));
        programmePage = browser.currentUrl().substring(services.queryUrl.length());
        assertThat(browser.find("h1").getText()).startsWith("Leading change 2027");

        // another organisation's programme is not found, as an unknown id: whether it exists is not told
        browser.open(services.queryUrl + "/admin/programmes/" + otherProgramme);
        assertThat(browser.find("h1").getText()).startsWith("404");
        browser.consoleErrors(); // the page's own 404, as the browser logs it
    }

    @Test
    @Order(2)
    void recordsCostsAndFormsASetWithItsFacilitatorsAccess() throws IOException {
        pages.open(programmePage);
        pages.recordCost("FACILITATION", "2500", "2027-01-20");
        pages.recordCost("VENUE", "750.50", "2027-01-21");
        assertThat(browser.find("table.admin-costs tfoot td").getText()).isEqualTo("3,250.50");
        // one date format: the page prints the dates as its date fields take them (not the browser's locale order)
        assertThat(browser.find("table.admin-costs tbody").getText()).contains("2027-01-20", "2027-01-21");
        WebElement incurred = browser.find("#cost-incurred");
        assertThat(incurred.getAttribute("type")).isEqualTo("text");
        assertThat(incurred.getAttribute("placeholder")).isEqualTo("yyyy-mm-dd");
        assertThat(incurred.getAttribute("value")).matches("\\d{4}-\\d{2}-\\d{2}");
        assertThat(browser.find("p.meta").getText()).contains("started 2027-01-11");
        // a date typed in another order is refused beside its field, saying which format
        incurred.clear();
        incurred.sendKeys("20/01/2027");
        browser.find("#cost-amount").sendKeys("10");
        pages.submit("#cost-form");
        browser.wait.until(d -> browser.find("#cost-incurred-error").isDisplayed());
        assertThat(browser.find("#cost-incurred-error").getText()).isEqualTo("must be an ISO date (yyyy-MM-dd)");
        browser.consoleErrors(); // the refused request, logged by the browser as a failed load
        browser.find("#cost-amount").clear();
        pages.accessibleAtBothSizes("admin-programme");

        browser.find("#set-name").sendKeys("Wards");
        browser.find("#set-facilitator-name").sendKeys("Fay Field");
        browser.find("#set-facilitator-username").sendKeys("fay.f");
        pages.submit("#form-set-form");
        browser.wait.until(d -> !browser.findAll("#form-set-form [data-link-for='fay.f']").isEmpty());
        links.put("fay.f", browser.find("#form-set-form [data-link-for='fay.f'] .link-url").getText());
        assertThat(links.get("fay.f")).startsWith(services.queryUrl + "/set-password?token=");
        browser.screenshot("admin-set-formed");
        browser.find("#form-set-form .issued-links a").click();
        browser.wait.until(d -> browser.currentUrl().contains("/admin/sets/"));
        setPage = browser.currentUrl().substring(services.queryUrl.length());
        setId = UUID.fromString(setPage.substring("/admin/sets/".length()));
    }

    @Test
    @Order(3)
    void addsFiveMembersAndRemovesASixthEachWithTheirAccess() throws IOException {
        pages.open(setPage);
        assertThat(idsUniqueAndReferred()).as("ids on the set page").isEmpty();
        // a name the set may not have: refused beside the field
        browser.find("#member-name").sendKeys("Nameless");
        browser.find("#member-username").sendKeys("Not Valid");
        pages.submit("#add-member-form");
        browser.wait.until(d -> browser.find("#member-username-error").isDisplayed());
        browser.find("#member-username").clear();

        for (String username : concat(MEMBERS, "sixth.r")) {
            addMember(Character.toUpperCase(username.charAt(0)) + username.substring(1, 3) + " Moss", username);
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            pages.open(setPage);
            return browser.findAll("tr.person[data-role=MEMBER]").size() == 6
                    && browser.findAll("tr.person .account").stream().noneMatch(a -> a.getText().equals("…"));
        });
        assertThat(accounts().get(0)).isEqualTo("fay.f");
        assertThat(accounts().subList(1, 7)).containsExactlyInAnyOrder("ann.r", "ben.r", "cat.r", "dev.r", "eve.r",
                "sixth.r");

        browser.find("button[aria-label='Remove sixth.r from the set']").click();
        browser.wait.until(d -> browser.findAll("tr.person[data-role=MEMBER]").size() == 5);
        browser.wait.until(d -> browser.findAll("tr.person .account").stream().noneMatch(a -> a.getText().equals("…")));
        assertThat(accounts()).doesNotContain("sixth.r").hasSize(6);
        HttpJson.Response users = services.commands.get("/api/users");
        assertThat(users.body().findValues("username").stream().map(n -> n.asText())).contains("sixth.r");
        users.body().forEach(user -> {
            if (user.path("username").asText().equals("sixth.r")) {
                assertThat(user.path("grants").toString()).as("sixth.r's access to the set went with them")
                        .doesNotContain(setId.toString());
            }
        });
        // names stay with the set's people: the administrator knows them by user name
        assertThat(browser.find("main").getText()).doesNotContain("Moss").doesNotContain("Fay Field");
        pages.accessibleAtBothSizes("admin-set");
    }

    @Test
    @Order(4)
    void eachPersonSetsTheirPasswordWithTheLinkAndSeesWhatTheirGrantAllows() throws IOException {
        browser.signOut();
        String fay = links.get("fay.f");
        browser.open(fay);
        // the password rules, beside the field
        browser.find("#new-password").sendKeys("password1234");
        browser.find("#repeat-password").sendKeys("password1234");
        pages.submit("#set-password-form");
        browser.wait.until(d -> browser.find("#new-password-error").isDisplayed());
        assertThat(browser.find("#new-password-error").getText()).contains("common");
        browser.consoleErrors(); // the refused request
        pages.accessibleAtBothSizes("set-password-refused");
        for (Map.Entry<String, String> link : links.entrySet()) {
            pages.setPassword(link.getValue(), CHOSEN);
        }
        // a link works once: the page says so at once, with no form that could only fail
        browser.open(fay);
        assertThat(browser.find("#link-not-working").getText()).startsWith("This link does not work any more");
        assertThat(browser.findAll("#set-password-form")).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();

        browser.signIn(services.queryUrl, "fay.f", CHOSEN);
        pages.open("/");
        assertThat(browser.findAll("a[href$='/sets/" + setId + "/console']")).hasSize(1);
        pages.open("/sets/" + setId + "/console");
        assertThat(browser.findAll("input[name='attendee']")).hasSize(5);
        pages.openRefused("/admin");

        for (String member : MEMBERS) {
            browser.signIn(services.queryUrl, member, CHOSEN);
            pages.open("/");
            assertThat(browser.findAll("a[href$='/sets/" + setId + "/fairness']")).as(member).hasSize(1);
            assertThat(browser.findAll("a[href$='/console']")).as(member).isEmpty();
            pages.openRefused("/sets/" + setId + "/console");
        }
    }

    @Test
    @Order(5)
    void theUsersPageDisablesAUserAndResetsAPassword() throws IOException {
        browser.signIn(services.queryUrl, "olivia", BothServices.PASSWORD);
        pages.open("/admin/users");
        browser.wait.until(d -> browser.findAll("#user-rows tr[data-username]").size() == 8);
        assertThat(browser.find("#user-rows").getText()).doesNotContain("Hidden programme");
        assertThat(browser.findAll("button[aria-label='Disable olivia']")).as("not oneself").isEmpty();
        assertThat(idsUniqueAndReferred()).as("ids on the users page").isEmpty();
        pages.accessibleAtBothSizes("admin-users");

        String evesToken = services.commands.as("eve.r", CHOSEN).post("/api/auth/token", Map.of()).body()
                .path("access_token").asText();
        HttpJson eveOnQueries = services.queries.anonymous().withToken(evesToken);
        assertThat(eveOnQueries.get("/api/programmes").status()).isEqualTo(200);
        browser.find("button[aria-label='Disable eve.r']").click();
        browser.wait.until(d -> browser.find("#user-rows tr[data-username='eve.r'] .user-status").getText()
                .equals("Disabled"));
        browser.find("button[aria-label='New password link for dev.r']").click();
        browser.wait.until(d -> !browser.findAll("#row-links [data-link-for='dev.r']").isEmpty());
        String reset = browser.find("#row-links [data-link-for='dev.r'] .link-url").getText();

        browser.find("#user-username").sendKeys("sam.r");
        browser.find("#create-user-form input[name=grants][value^='SPONSOR:']").click();
        pages.submit("#create-user-form");
        browser.wait.until(d -> !browser.findAll("#create-user-form [data-link-for='sam.r']").isEmpty());
        browser.wait.until(d -> browser.findAll("#user-rows tr[data-username]").size() == 9);
        browser.screenshot("admin-users-changed");

        // the query service learns of it within a few seconds (it asks the identity store)
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.signOut();
            browser.open(services.queryUrl + "/login");
            browser.find("#username").sendKeys("eve.r");
            browser.find("#password").sendKeys(CHOSEN);
            pages.submit("form.card");
            browser.wait.until(d -> !browser.currentUrl().endsWith("/login"));
            return browser.currentUrl().endsWith("/login?error");
        });

        assertThat(eveOnQueries.get("/api/programmes").status()).as("eve's token, on the query side").isEqualTo(401);
        assertThat(services.commands.anonymous().withToken(evesToken).get("/api/users").status()).isEqualTo(401);

        pages.setPassword(reset, CHOSEN + "-new");
        browser.signIn(services.queryUrl, "dev.r", CHOSEN + "-new");
        pages.open("/");
        assertThat(browser.findAll("a[href$='/sets/" + setId + "/fairness']")).hasSize(1);
    }

    /**
     * Gil takes over the set from Fay: one form changes the facilitator (the server takes Fay's access to the set
     * away in the same step) and gives Gil an account with FACILITATOR of the set (and its link); the set's page then
     * shows gil.f as its facilitator.
     */
    @Test
    @Order(6)
    void changesTheSetsFacilitatorWithTheirAccess() throws IOException {
        browser.signIn(services.queryUrl, "olivia", BothServices.PASSWORD);
        pages.open(setPage);
        browser.wait.until(d -> browser.findAll("tr.person .account").stream().noneMatch(a -> a.getText().equals("…")));
        // a member of the set cannot facilitate it: refused by the set, beside the form
        browser.find("#facilitator-name").sendKeys("Ann Moss");
        browser.find("#facilitator-username").sendKeys("ann.r");
        pages.submit("#change-facilitator-form");
        browser.wait.until(d -> browser.find("#change-facilitator-form [data-error-for=facilitatorId]").isDisplayed());
        assertThat(browser.find("#change-facilitator-form [data-error-for=facilitatorId]").getText())
                .isEqualTo("a member of the set cannot also be its facilitator");
        browser.consoleErrors(); // the refused request, logged by the browser as a failed load

        browser.find("#facilitator-name").clear();
        browser.find("#facilitator-name").sendKeys("Gil Green");
        browser.find("#facilitator-username").clear();
        browser.find("#facilitator-username").sendKeys("gil.f");
        pages.submit("#change-facilitator-form");
        browser.wait.until(d -> !browser.findAll("#change-facilitator-form [data-link-for='gil.f']").isEmpty());
        assertThat(browser.find("#change-facilitator-form .form-status").getText())
                .isEqualTo("gil.f facilitates the set now; hand over their link. fay.f no longer has access to it.");
        Map<String, String> grants = new LinkedHashMap<>();
        services.commands.get("/api/users").body().forEach(user -> grants.put(user.path("username").asText(),
                user.path("grants").toString()));
        assertThat(grants.get("gil.f")).contains("FACILITATOR:" + setId);
        assertThat(grants.get("fay.f")).doesNotContain(setId.toString());

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            pages.open(setPage);
            return browser.find("tr.person[data-role=FACILITATOR] .account").getText().equals("gil.f");
        });
        pages.accessibleAtBothSizes("admin-set-facilitator-changed");
    }

    // ---- steps

    private void addMember(String name, String username) {
        links.put(username, pages.addMember(name, username));
    }

    private List<String> accounts() {
        return browser.findAll("tr.person .account").stream().map(WebElement::getText).toList();
    }

    private static List<String> concat(List<String> list, String last) {
        return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(last)).toList();
    }

    /**
     * The account forms come from one fragment, once per use: every id on the page is unique, and every label's
     * {@code for} and every {@code aria-describedby} or {@code aria-labelledby} names an element that exists.
     */
    @SuppressWarnings("unchecked")
    private List<String> idsUniqueAndReferred() {
        return (List<String>) browser.script("""
                const found = [];
                const seen = new Set();
                document.querySelectorAll('[id]').forEach((e) => {
                  if (seen.has(e.id)) { found.push('duplicate id ' + e.id); }
                  seen.add(e.id);
                });
                document.querySelectorAll('label[for]').forEach((l) => {
                  if (!document.getElementById(l.htmlFor)) { found.push('label for missing ' + l.htmlFor); }
                });
                document.querySelectorAll('[aria-describedby], [aria-labelledby]').forEach((e) => {
                  ((e.getAttribute('aria-describedby') || '') + ' ' + (e.getAttribute('aria-labelledby') || ''))
                    .split(/\\s+/).filter((id) => id).forEach((id) => {
                      if (!document.getElementById(id)) { found.push('reference to missing ' + id); }
                    });
                });
                return found;""");
    }
}
