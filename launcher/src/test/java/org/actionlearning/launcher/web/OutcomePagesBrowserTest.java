package org.actionlearning.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The administrator's outcomes page in a real headless Chromium: a metric defined, a value recorded by hand, a CSV
 * file refused line by line and then imported whole, two attribution estimates (withheld: fewer than three); the
 * ROI then equals the figures worked out by hand below. Also every page of the application checked by axe-core at 1366 and 390 px.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({SharedServices.class, SharedBrowser.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OutcomePagesBrowserTest {

    private static final String ORGANISATION = "Westshire Council";

    private Browser browser;
    private Pages pages;
    private BothServices services;
    private SampleProgramme sample;
    private UUID programmeId;
    private UUID metricId;
    private UUID bare;

    @BeforeAll
    void start(BothServices services, Browser browser) throws IOException {
        this.browser = browser;
        this.services = services;
        pages = new Pages(browser, services.queryUrl);
        sample = new SampleProgramme(services.commands, "outcomes");
        programmeId = services.commands.post("/api/programmes", Map.of("organisation", ORGANISATION,
                "name", "Clinic attendance", "sponsor", "Director of Health", "startsOn", "2026-01-05",
                "currency", "GBP")).id("programmeId");
        assertThat(services.commands.post("/api/programmes/" + programmeId + "/costs", Map.of("category",
                "FACILITATION", "amount", 10000, "incurredOn", "2026-01-05")).status()).isEqualTo(201);
        services.createUser("olga", null, "ADMIN:" + ORGANISATION);
        browser.signIn(services.queryUrl, "olga", BothServices.PASSWORD);
    }

    @Test
    @Order(1)
    void anAdministratorDefinesAMetricAndRecordsItsValuesAndEstimates() throws IOException {
        String page = "/programmes/" + programmeId + "/outcomes";
        await().atMost(Duration.ofSeconds(30)).until(() -> services.queries.get("/api/programmes").raw()
                .contains(programmeId.toString()));
        pages.open(page);
        assertThat(browser.find("main").getText()).contains("No outcome metric has been defined yet.");

        browser.find("#metric-name").sendKeys("missed appointments");
        browser.find("#metric-unit").sendKeys("appointments");
        new Select(browser.find("#metric-direction")).selectByValue("DECREASE");
        new Select(browser.find("#metric-period")).selectByValue("WEEK");
        browser.find("#metric-value").sendKeys("120");
        browser.find("#metric-target").sendKeys("20");
        browser.find("#metric-within").sendKeys("60");
        pages.submit("form[data-command='define']", "Defined “missed appointments”");
        pages.reopenUntil(page, () -> !browser.findAll("section.metric-admin").isEmpty());
        metricId = UUID.fromString(browser.find("section.metric-admin").getAttribute("data-metric-id"));
        assertThat(pages.metricFacts()).containsEntry("Money per unit (GBP)", "120.00")
                .containsEntry("Target", "20% within 60 days").containsEntry("Better is", "lower");

        // one baseline value by hand
        new Select(browser.find("#series-0")).selectByValue("BASELINE");
        browser.script("document.getElementById('measured-on-0').value = '2026-01-05'");
        browser.find("#value-0").sendKeys("40");
        pages.submit("form[data-command='value']", "Recorded the baseline value 40 for 2026-01-05.");
        pages.reopenUntil(page, () -> pages.metricFacts().get("Values").equals("1 baseline, 0 follow-up"));

        // a file with bad rows: each named by its line, and none of its good rows recorded
        upload(csv("bad", """
                series,measuredOn,value
                baseline,2026-01-12,44
                baseline,12/01/2026,44
                follow-up,2026-01-02,36
                """));
        browser.wait.until(d -> browser.find("form[data-command='csv'] .problem").isDisplayed());
        assertThat(browser.findAll("form[data-command='csv'] .problem li").stream().map(WebElement::getText))
                .containsExactly("line 3.measuredOn: must be an ISO date (yyyy-MM-dd), was '12/01/2026'");
        assertThat(browser.accessibilityViolations()).as("with the refusal shown").isEmpty();
        browser.screenshot("outcomes-csv-refused");
        upload(csv("rules", """
                series,measuredOn,value
                baseline,2026-01-12,44
                follow-up,2026-01-02,36
                """));
        browser.wait.until(d -> browser.find("form[data-command='csv'] .problem").getText().contains("line 3"));
        assertThat(browser.findAll("form[data-command='csv'] .problem li").stream().map(WebElement::getText))
                .containsExactly("line 3.measuredOn: follow-ups come after the last baseline point (2026-01-12)");

        // the browser logs each refused request: those two, and nothing else
        assertThat(browser.consoleErrors()).hasSize(2).allSatisfy(error -> assertThat(error)
                .contains("/measurements/import").containsAnyOf("status of 400", "status of 409"));

        // the corrected file: all four rows
        upload(csv("good", """
                series,measuredOn,value
                baseline,2026-01-12,44
                baseline,2026-01-19,42
                follow-up,2026-03-02,36
                follow-up,2026-03-09,33
                """));
        browser.wait.until(d -> browser.find("form[data-command='csv'] .status").getText()
                .equals("Imported 2 baseline and 2 follow-up values from good.csv."));

        pages.estimate(67, 70);
        pages.estimate(40, 50);
        pages.reopenUntil(page, () -> pages.metricFacts().get("Attribution estimates").startsWith("2:"));
        assertThat(pages.metricFacts()).containsEntry("Values", "3 baseline, 2 follow-up")
                .containsEntry("Attribution estimates", "2: mean 53.5% from the programme, 60% confident");
        browser.find("details.values summary").click();
        assertThat(browser.findAll(".values-table tbody tr")).hasSize(5);
        assertThat(browser.accessibilityViolations()).isEmpty();
        browser.screenshot("outcomes");
        atPhoneWidth(() -> browser.screenshot("outcomes-phone"));

        // by hand: baseline mean (40 + 44 + 42) / 3 = 42, latest 33: 9 appointments a week × 52 × 120 = 56,160;
        // two estimates are fewer than three, so they are withheld (one person's would show through the factor):
        // isolation 1, not isolated: 56,160; against 10,000 of costs ROI (56,160 − 10,000) / 10,000 × 100 = 461.6 %
        JsonNode roi = services.queries.get("/api/programmes/" + programmeId + "/roi").body();
        JsonNode benefit = roi.path("metrics").get(0);
        assertThat(benefit.path("improvement").asDouble()).isEqualTo(9.0);
        assertThat(benefit.path("isolationFactor").asDouble()).isEqualTo(1.0);
        assertThat(benefit.path("isolated").asBoolean()).isFalse();
        assertThat(benefit.path("estimatesWithheld").asInt()).isEqualTo(2);
        assertThat(roi.path("benefits").asDouble()).isEqualTo(56_160.0, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(roi.path("roiPercent").asDouble()).isEqualTo(461.6, org.assertj.core.data.Offset.offset(1e-9));
        // the report prints the factors as they were used, so that its line multiplies out: 9 × 52 × 120 × 1, and
        // says why the benefit is not isolated
        pages.open("/programmes/" + programmeId + "/roi");
        assertThat(pages.rows("section[aria-labelledby=benefits] table")).containsExactly(
                List.of("missed appointments", "9", "52", "120.00", "1\n(2 of 3 estimates: not isolated yet)",
                        "56,160.00"));
        assertThat(browser.find(".roi-estimates").getText()).isEqualTo("missed appointments: 2 attribution "
                + "estimates so far, counted from 3: its benefit is not isolated yet.");
        assertThat(browser.find(".tiles").getText()).contains("461.6%");
    }

    /**
     * The sponsor's view of the sample programme: each set's figures side by side, the intangible benefits beside
     * the ROI, help in words, and a report that says when, over what and by whom it was made, with numbered pages.
     */
    @Test
    @Order(2)
    void sponsorSeesSetsSideBySideIntangiblesAndADatedReport() throws Exception {
        services.createUser("sara", null, "SPONSOR:" + sample.programmeId);
        browser.signIn(services.queryUrl, "sara", BothServices.PASSWORD);
        pages.open("/programmes/" + sample.programmeId);
        // by name: Pharmacy 4 members, 1 meeting, no action; Wards 5 members, 3 meetings, 5 actions of which 2 done
        assertThat(pages.rows("table.set-breakdown")).containsExactly(
                List.of("Pharmacy", "4", "1", gini(0), "0", "—"),
                List.of("Wards", "5", "3", gini(1), "5", "40.0%"));
        assertThat(browser.find("p.intangibles").getText())
                .isEqualTo("Intangible benefits (reported, not priced): staff engagement +13.3% improvement");
        assertThat(browser.findAll("p.roi-why")).isEmpty();
        assertThat(browser.find("#help + dl").getText()).contains("p-value", "SHIFT and TREND", "Attribution");

        pages.open("/programmes/" + sample.programmeId + "/roi");
        assertThat(browser.find("p.report-facts").getText()).startsWith("Prepared on ")
                .contains(" by sara from the data recorded so far; figures cover 2026-01-05 to ");
        assertThat(browser.findAll(".metric .headline").stream().map(WebElement::getText)).containsExactly(
                "agency shifts −14.3%, p = 0.199",
                "discharge delay −16.0%, target met in 42 days, p = 0.028",
                "staff engagement +13.3%, target met in 59 days, p = 0.040");
        browser.screenshot("roi-report-dated");

        byte[] pdf = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(services.queryUrl + "/programmes/" + sample.programmeId + "/roi.pdf"))
                        .header("Authorization", org.actionlearning.testsupport.TestIdentity.basic("sara",
                                BothServices.PASSWORD)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            int pages = document.getNumberOfPages();
            assertThat(text).contains("Page 1 of " + pages, "Page " + pages + " of " + pages, "Prepared on",
                    "by sara", "discharge delay −16.0%");
        }

        // a programme with costs and nothing priced says why its ROI is what it is
        services.createUser("wendy", null, "SPONSOR:" + programmeIdWithoutValues());
        browser.signIn(services.queryUrl, "wendy", BothServices.PASSWORD);
        pages.open("/programmes/" + programmeIdWithoutValues());
        assertThat(browser.find("p.roi-why").getText()).isEqualTo("No priced benefit yet: no outcome metric has a "
                + "money value per unit, so the ROI counts the costs with nothing set against them.");
        browser.screenshot("sponsor-dashboard-nothing-priced");
    }

    /**
     * Every page at 1366 and 390 px: no serious or critical axe-core violation, no sideways scrolling on a phone.
     * Screenshots of each go to target/screenshots/a11y-*.
     */
    @Test
    @Order(3)
    void everyPagePassesAxeAtBothWidths() throws IOException {
        services.createUser("fay.outcomes", null, "ADMIN:" + sample.organisation, "FACILITATOR:" + sample.wards);
        browser.signIn(services.queryUrl, "fay.outcomes", BothServices.PASSWORD);
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("programmes", "/");
        pages.put("dashboard", "/programmes/" + sample.programmeId);
        pages.put("fairness", "/sets/" + sample.wards + "/fairness");
        pages.put("roi", "/programmes/" + sample.programmeId + "/roi");
        pages.put("console", "/sets/" + sample.wards + "/console");
        pages.put("outcomes", "/programmes/" + sample.programmeId + "/outcomes");
        pages.put("error", "/programmes/" + UUID.randomUUID());
        List<String> found = new java.util.ArrayList<>();
        for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
            browser.resize(size);
            try {
                for (Map.Entry<String, String> page : pages.entrySet()) {
                    browser.open(services.queryUrl + page.getValue());
                    check(page.getKey(), size, found);
                }
                browser.signOut();
                browser.open(services.queryUrl + "/login");
                check("login", size, found);
                browser.signIn(services.queryUrl, "fay.outcomes", BothServices.PASSWORD);
            } finally {
                browser.resize(Browser.DESKTOP);
            }
        }
        assertThat(found).isEmpty();
    }

    /** Swagger UI names the API it describes and offers to authorise (a bearer token or a password). */
    @Test
    @Order(4)
    void apiDescriptionHasATitleAndCanAuthorise() {
        browser.open(services.queryUrl + "/swagger-ui/index.html");
        browser.wait.until(d -> !browser.findAll(".opblock").isEmpty());
        assertThat(browser.find(".info .title").getText()).startsWith("Action Learning Sets: query API");
        browser.find(".btn.authorize").click();
        browser.wait.until(d -> !browser.findAll(".auth-container").isEmpty());
        assertThat(browser.find(".modal-ux-content").getText()).contains("bearerToken", "basic");
    }

    private void check(String page, Dimension size, List<String> found) throws IOException {
        String where = page + " at " + size.width + " px: ";
        browser.accessibilityViolations().forEach(violation -> found.add(where + violation));
        if (size.width < 500 && !(Boolean) browser.script(
                "return document.documentElement.scrollWidth <= window.innerWidth")) {
            found.add(where + "scrolls sideways");
        }
        browser.screenshot("a11y-" + page + "-" + size.width);
    }

    private UUID programmeIdWithoutValues() {
        if (bare == null) {
            bare = services.commands.post("/api/programmes", Map.of("organisation", ORGANISATION,
                    "name", "Library reach", "sponsor", "Head of Libraries", "startsOn", "2026-02-02",
                    "currency", "GBP")).id("programmeId");
            services.commands.post("/api/programmes/" + bare + "/costs", Map.of("category", "VENUE", "amount", 500,
                    "incurredOn", "2026-02-02"));
            await().atMost(Duration.ofSeconds(30)).until(() -> services.queries.get("/api/programmes/" + bare
                    + "/roi").body().path("costs").path("total").asDouble() == 500);
        }
        return bare;
    }

    /** The API's mean gini of the n-th set, as the page formats a ratio. */
    private String gini(int n) {
        JsonNode sets = services.queries.get("/api/programmes/" + sample.programmeId + "/sets").body();
        return String.format(java.util.Locale.UK, "%.2f", sets.get(n).path("meanGini").asDouble());
    }

    private void upload(Path file) {
        browser.find("#csv-0").sendKeys(file.toAbsolutePath().toString());
        browser.find("form[data-command='csv'] button[type=submit]").click();
    }

    private static Path csv(String name, String text) throws IOException {
        Path directory = Files.createDirectories(Path.of("target", "outcome-csv"));
        return Files.writeString(directory.resolve(name + ".csv"), text);
    }

    private interface Shot {
        void take() throws IOException;
    }

    private void atPhoneWidth(Shot shot) throws IOException {
        browser.resize(Browser.PHONE);
        try {
            assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("no sideways scrolling at 390 px").isTrue();
            assertThat(browser.accessibilityViolations()).as("at 390 px").isEmpty();
            shot.take();
        } finally {
            browser.resize(Browser.DESKTOP);
        }
    }
}
