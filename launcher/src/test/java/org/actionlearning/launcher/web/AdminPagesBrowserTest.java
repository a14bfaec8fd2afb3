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
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.Dimension;
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
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminPagesBrowserTest {

    private static final String ORGANISATION = "Riverside Health";
    /** What each person chooses on the set-password page: long, uncommon, without their user name. */
    private static final String CHOSEN = "Quiet-otter-paints-7-boats";
    private static final List<String> MEMBERS = List.of("ann.r", "ben.r", "cat.r", "dev.r", "eve.r");

    private Browser browser;
    private BothServices services;
    private UUID otherProgramme;
    private String programmePage;
    private String setPage;
    private UUID setId;
    /** The set-password link of each person, as the administrator's pages showed it. */
    private final Map<String, String> links = new LinkedHashMap<>();

    @BeforeAll
    void start() throws IOException {
        browser = Browser.startOrSkip();
        services = new BothServices("admin_pages");
        // another organisation's programme: never offered to this administrator
        otherProgramme = services.commands.post("/api/programmes", Map.of("organisation", "Elsewhere Council",
                "name", "Hidden programme", "sponsor", "S", "startsOn", "2026-01-05", "currency", "GBP"))
                .id("programmeId");
        services.createUser("olivia", null, "ADMIN:" + ORGANISATION);
        await().atMost(Duration.ofSeconds(30)).until(() -> services.queries.get("/api/programmes").body().size() == 1);
        browser.signIn(services.queryUrl, "olivia", BothServices.PASSWORD);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (services != null) {
            services.close();
        }
    }

    @Test
    @Order(1)
    void launchesAProgrammeOfTheirOwnOrganisationOnly() throws IOException {
        open("/admin");
        assertThat(new Select(browser.find("#launch-organisation")).getOptions()).extracting(WebElement::getText)
                .containsExactly(ORGANISATION);
        assertThat(browser.find("main").getText()).doesNotContain("Hidden programme");
        accessible("admin-home");

        // refused by the command API: the message stands beside the field, in view on a phone
        browser.resize(Browser.PHONE);
        try {
            browser.find("#launch-sponsor").sendKeys("Chief Nurse");
            submit("#launch-form");
            browser.wait.until(d -> browser.find("#launch-name-error").isDisplayed());
            assertThat(browser.find("#launch-name-error").getText()).isNotBlank();
            assertThat(browser.find("#launch-name").getAttribute("aria-invalid")).isEqualTo("true");
            assertThat(inView("#launch-name-error")).isTrue();
            browser.consoleErrors(); // the refused request, logged by the browser as a failed load
            assertThat(browser.accessibilityViolations()).isEmpty();
            browser.screenshot("admin-launch-refused-phone");
        } finally {
            browser.resize(Browser.DESKTOP);
        }

        browser.find("#launch-name").sendKeys("Leading change 2027");
        browser.script("document.getElementById('launch-starts').value = '2027-01-11'");
        submit("#launch-form");
        browser.wait.until(d -> browser.currentUrl().contains("/admin/programmes/"));
        programmePage = browser.currentUrl().substring(services.queryUrl.length());
        assertThat(browser.find("h1").getText()).startsWith("Leading change 2027");

        openRefused("/admin/programmes/" + otherProgramme);
    }

    @Test
    @Order(2)
    void recordsCostsAndFormsASetWithItsFacilitatorsAccess() throws IOException {
        open(programmePage);
        recordCost("FACILITATION", "2500", "2027-01-20");
        recordCost("VENUE", "750.50", "2027-01-21");
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
        submit("#cost-form");
        browser.wait.until(d -> browser.find("#cost-incurred-error").isDisplayed());
        assertThat(browser.find("#cost-incurred-error").getText()).isEqualTo("must be an ISO date (yyyy-MM-dd)");
        browser.consoleErrors(); // the refused request, logged by the browser as a failed load
        browser.find("#cost-amount").clear();
        accessible("admin-programme");

        browser.find("#set-name").sendKeys("Wards");
        browser.find("#set-facilitator-name").sendKeys("Fay Field");
        browser.find("#set-facilitator-username").sendKeys("fay.f");
        submit("#form-set-form");
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
        open(setPage);
        // a name the set may not have: refused beside the field
        browser.find("#member-name").sendKeys("Nameless");
        browser.find("#member-username").sendKeys("Not Valid");
        submit("#add-member-form");
        browser.wait.until(d -> browser.find("#member-username-error").isDisplayed());
        browser.find("#member-username").clear();

        for (String username : concat(MEMBERS, "sixth.r")) {
            addMember(Character.toUpperCase(username.charAt(0)) + username.substring(1, 3) + " Moss", username);
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            open(setPage);
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
        accessible("admin-set");
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
        submit("#set-password-form");
        browser.wait.until(d -> browser.find("#new-password-error").isDisplayed());
        assertThat(browser.find("#new-password-error").getText()).contains("common");
        browser.consoleErrors(); // the refused request
        accessible("set-password-refused");
        for (Map.Entry<String, String> link : links.entrySet()) {
            setPassword(link.getValue());
        }
        // a link works once
        browser.open(fay);
        browser.find("#new-password").sendKeys(CHOSEN + "-2");
        browser.find("#repeat-password").sendKeys(CHOSEN + "-2");
        submit("#set-password-form");
        browser.wait.until(d -> browser.find("#set-password-form .form-problem").isDisplayed());
        browser.consoleErrors();

        browser.signIn(services.queryUrl, "fay.f", CHOSEN);
        open("/");
        assertThat(browser.findAll("a[href$='/sets/" + setId + "/console']")).hasSize(1);
        open("/sets/" + setId + "/console");
        assertThat(browser.findAll("input[name='attendee']")).hasSize(5);
        openRefused("/admin");

        for (String member : MEMBERS) {
            browser.signIn(services.queryUrl, member, CHOSEN);
            open("/");
            assertThat(browser.findAll("a[href$='/sets/" + setId + "/fairness']")).as(member).hasSize(1);
            assertThat(browser.findAll("a[href$='/console']")).as(member).isEmpty();
            openRefused("/sets/" + setId + "/console");
        }
    }

    @Test
    @Order(5)
    void theUsersPageDisablesAUserAndResetsAPassword() throws IOException {
        browser.signIn(services.queryUrl, "olivia", BothServices.PASSWORD);
        open("/admin/users");
        browser.wait.until(d -> browser.findAll("#user-rows tr[data-username]").size() == 8);
        assertThat(browser.find("#user-rows").getText()).doesNotContain("Hidden programme");
        assertThat(browser.findAll("button[aria-label='Disable olivia']")).as("not oneself").isEmpty();
        accessible("admin-users");

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

        browser.find("#user-username").sendKeys("sam.sponsor");
        browser.find("#create-user-form input[name=grants][value^='SPONSOR:']").click();
        submit("#create-user-form");
        browser.wait.until(d -> !browser.findAll("#create-user-form [data-link-for='sam.sponsor']").isEmpty());
        browser.wait.until(d -> browser.findAll("#user-rows tr[data-username]").size() == 9);
        browser.screenshot("admin-users-changed");

        // the query service learns of it within a few seconds (it asks the identity store)
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            browser.signOut();
            browser.open(services.queryUrl + "/login");
            browser.find("#username").sendKeys("eve.r");
            browser.find("#password").sendKeys(CHOSEN);
            submit("form.card");
            browser.wait.until(d -> !browser.currentUrl().endsWith("/login"));
            return browser.currentUrl().endsWith("/login?error");
        });

        assertThat(eveOnQueries.get("/api/programmes").status()).as("eve's token, on the query side").isEqualTo(401);
        assertThat(services.commands.anonymous().withToken(evesToken).get("/api/users").status()).isEqualTo(401);

        setPassword(reset, CHOSEN + "-new");
        browser.signIn(services.queryUrl, "dev.r", CHOSEN + "-new");
        open("/");
        assertThat(browser.findAll("a[href$='/sets/" + setId + "/fairness']")).hasSize(1);
    }

    /**
     * Gil takes over the set from Fay: one form gives Gil an account with FACILITATOR of the set (and its link) and
     * takes Fay's access to the set away; the set's page then shows gil.f as its facilitator.
     */
    @Test
    @Order(6)
    void changesTheSetsFacilitatorWithTheirAccess() throws IOException {
        browser.signIn(services.queryUrl, "olivia", BothServices.PASSWORD);
        open(setPage);
        browser.wait.until(d -> browser.findAll("tr.person .account").stream().noneMatch(a -> a.getText().equals("…")));
        // a member of the set cannot facilitate it: refused by the set, beside the form
        browser.find("#facilitator-name").sendKeys("Ann Moss");
        browser.find("#facilitator-username").sendKeys("ann.r");
        submit("#change-facilitator-form");
        browser.wait.until(d -> browser.find("#change-facilitator-form [data-error-for=facilitatorId]").isDisplayed());
        assertThat(browser.find("#change-facilitator-form [data-error-for=facilitatorId]").getText())
                .isEqualTo("a member of the set cannot also be its facilitator");
        browser.consoleErrors(); // the refused request, logged by the browser as a failed load

        browser.find("#facilitator-name").clear();
        browser.find("#facilitator-name").sendKeys("Gil Green");
        browser.find("#facilitator-username").clear();
        browser.find("#facilitator-username").sendKeys("gil.f");
        submit("#change-facilitator-form");
        browser.wait.until(d -> !browser.findAll("#change-facilitator-form [data-link-for='gil.f']").isEmpty());
        assertThat(browser.find("#change-facilitator-form .form-status").getText())
                .isEqualTo("gil.f facilitates the set now; hand over their link. fay.f no longer has access to it.");
        Map<String, String> grants = new LinkedHashMap<>();
        services.commands.get("/api/users").body().forEach(user -> grants.put(user.path("username").asText(),
                user.path("grants").toString()));
        assertThat(grants.get("gil.f")).contains("FACILITATOR:" + setId);
        assertThat(grants.get("fay.f")).doesNotContain(setId.toString());

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            open(setPage);
            return browser.find("tr.person[data-role=FACILITATOR] .account").getText().equals("gil.f");
        });
        accessible("admin-set-facilitator-changed");
    }

    // ---- steps

    private void recordCost(String category, String amount, String incurredOn) {
        int before = browser.findAll("table.admin-costs tbody tr").size();
        new Select(browser.find("#cost-category")).selectByValue(category);
        browser.find("#cost-amount").sendKeys(amount);
        browser.script("document.getElementById('cost-incurred').value = arguments[0]", incurredOn);
        submit("#cost-form");
        browser.wait.until(d -> browser.findAll("table.admin-costs tbody tr").size() == before + 1);
    }

    private void addMember(String name, String username) {
        browser.find("#member-name").clear();
        browser.find("#member-name").sendKeys(name);
        browser.find("#member-username").clear();
        browser.find("#member-username").sendKeys(username);
        submit("#add-member-form");
        browser.wait.until(d -> !browser.findAll("#add-member-form [data-link-for='" + username + "']").isEmpty());
        links.put(username, browser.find("#add-member-form [data-link-for='" + username + "'] .link-url").getText());
    }

    private void setPassword(String link) {
        setPassword(link, CHOSEN);
    }

    private void setPassword(String link, String password) {
        browser.open(link);
        browser.find("#new-password").sendKeys(password);
        browser.find("#repeat-password").sendKeys(password);
        submit("#set-password-form");
        browser.wait.until(d -> !browser.findAll("#to-sign-in").isEmpty());
    }

    private List<String> accounts() {
        return browser.findAll("tr.person .account").stream().map(WebElement::getText).toList();
    }

    private void submit(String form) {
        browser.find(form + " button[type=submit]").click();
    }

    /** Opens a page of the query service: no error in its console. */
    private void open(String path) {
        browser.open(services.queryUrl + path);
        assertThat(browser.consoleErrors()).as("console errors on " + path).isEmpty();
    }

    /** A page the signed-in user may not open: the error page says 403. */
    private void openRefused(String path) {
        browser.open(services.queryUrl + path);
        assertThat(browser.find("h1").getText()).as(path).startsWith("403");
        browser.consoleErrors(); // the page's own 403, as the browser logs it
    }

    /** No serious or critical axe-core violation at 1366 and at 390 px; a screenshot at each. */
    private void accessible(String name) throws IOException {
        for (Map.Entry<String, Dimension> size : Map.of("", Browser.DESKTOP, "-phone", Browser.PHONE).entrySet()) {
            browser.resize(size.getValue());
            try {
                assertThat(browser.accessibilityViolations()).as(name + size.getKey()).isEmpty();
                assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                        .as(name + size.getKey() + " does not scroll sideways").isTrue();
                browser.screenshot(name + size.getKey());
            } finally {
                browser.resize(Browser.DESKTOP);
            }
        }
    }

    private boolean inView(String css) {
        return (Boolean) browser.script("const r = arguments[0].getBoundingClientRect();"
                + "return r.top >= 0 && r.bottom <= window.innerHeight;", browser.find(css));
    }

    private static List<String> concat(List<String> list, String last) {
        return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(last)).toList();
    }
}
