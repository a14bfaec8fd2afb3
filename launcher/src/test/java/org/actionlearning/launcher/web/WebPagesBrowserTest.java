package org.actionlearning.launcher.web;

import org.actionlearning.launcher.BothServices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.launcher.demo.CaseStudies;
import org.actionlearning.launcher.demo.DemoLoader;
import org.actionlearning.launcher.demo.DemoProgramme;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestIdentity;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The web pages in a real headless Chromium against both services with data recorded through the command API:
 * every page loads without a console error, every chart is drawn with data, every number shown equals the API's
 * to the precision shown, and the meeting console records a meeting that the fairness audit then shows.
 * Screenshots of each page go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedBrowser.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebPagesBrowserTest {

    private static final String CHARTS = """
            return [...document.querySelectorAll('[data-chart]')].map(chart => ({
              type: chart.dataset.chart,
              points: echarts.getInstanceByDom(chart).getOption().series
                .reduce((n, series) => n + (series.data ? series.data.length : 0), 0),
              shapes: chart.querySelectorAll('svg path').length }));
            """;

    /** Form controls a screen reader could not name: no label, no aria-label, no text. */
    private static final String UNLABELLED = """
            return [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button')]
              .filter(c => !(c.labels && c.labels.length) && !c.getAttribute('aria-label') && !c.textContent.trim())
              .map(c => c.outerHTML);
            """;

    private final HttpClient http = HttpClient.newHttpClient();
    private Browser browser;
    private Pages pages;
    private BothServices services;
    private SampleProgramme sample;
    /** Administers both organisations and facilitates both sets: sees every page; the browser signs in as them. */
    private HttpJson fran;
    /** Whom the page numbers are checked against in the API: the user signed in in the browser. */
    private HttpJson signedIn;

    @BeforeAll
    void startServicesAndBrowser(Browser browser) throws IOException {
        this.browser = browser;
        services = new BothServices("web");
        pages = new Pages(browser, services.queryUrl);
        sample = new SampleProgramme(services.commands);
        await().atMost(Duration.ofSeconds(60)).until(() -> services.queries
                .get("/api/programmes/" + sample.programmeId + "/roi").body().path("costs").path("total")
                .asDouble() == SampleProgramme.TOTAL_COSTS
                && services.queries.get("/api/programmes").body().size() == 2);
        fran = services.queriesAs("fran", "ADMIN:St Elsewhere NHS Trust", "ADMIN:Northfield Council",
                "FACILITATOR:" + sample.wards, "FACILITATOR:" + sample.pharmacy);
        browser.signIn(services.queryUrl, "fran", BothServices.PASSWORD);
        signedIn = fran;
    }

    @AfterAll
    void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    @Order(1)
    void programmesListLinksEachProgrammeAndSet() throws IOException, InterruptedException {
        open("/");

        assertThat(browser.find("main").getText()).contains("Discharge flow", "Energy saving", "Wards", "Pharmacy");
        assertThat(browser.findAll("a[href$='/console']")).hasSize(2);
        assertThat(PageNumbers.checkAgainstApi(browser, signedIn)).isEqualTo(4);
        browser.screenshot("programmes");

        HttpResponse<byte[]> unknown = download("/programmes/" + UUID.randomUUID());
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type")).hasValueSatisfying(type -> type.startsWith("text/html"));
        assertThat(new String(unknown.body(), StandardCharsets.UTF_8)).contains("There is no programme with id");
    }

    @Test
    @Order(2)
    void sponsorDashboardShowsTheApisNumbersAndDrawsItsCharts() throws IOException {
        open("/programmes/" + sample.programmeId);

        assertThat(charts()).containsExactly(
                Map.entry("funnel", 3), Map.entry("run", 2 + 2), Map.entry("run", 3 + 6), Map.entry("run", 3 + 3));
        assertThat(texts(".metric .headline")).containsExactly(
                "agency shifts −14.3%, p = 0.199",
                "discharge delay −16.0%, target met in 42 days, p = 0.028",
                "staff engagement +13.3%, target met in 59 days, p = 0.040");
        // discharge delay: XmR 100 ± 2.66 × 6 (moving ranges 4 and 8), so 84 is below 84.04; six points, no
        // crossing. Staff engagement: 60 ± 2.66 × 3, so 68 is above 67.98
        assertThat(texts(".metric .badge.signal"))
                .containsExactly("SHIFT", "TREND", "FEW_CROSSINGS", "BEYOND_LIMITS", "BEYOND_LIMITS");
        // 6 counts, 7 of follow-through, 5 of participation, 2 of safety, 4 per metric, 4 of ROI
        assertThat(PageNumbers.checkAgainstApi(browser, signedIn)).isEqualTo(6 + 7 + 5 + 2 + 3 * 4 + 4);
        // aggregates only: no member's name anywhere on the sponsor's page
        assertThat(browser.find("body").getText()).doesNotContainPattern("\\b(Ann|Ben|Cat|Dev|Eve)\\b");
        browser.screenshot("sponsor-dashboard");
        // a tooltip is text drawn in the chart: no HTML with inline styles for the Content-Security-Policy to refuse
        browser.findAll("[data-chart='run']").forEach(browser::hover);
        assertThat(browser.consoleErrors()).as("console errors on pointing at the charts").isEmpty();
    }

    @Test
    @Order(3)
    void fairnessAuditFlagsMeetingsThatCrossTheThresholds() throws IOException {
        open("/sets/" + sample.wards + "/fairness");

        // contributions of 5 + 4 + 5 attendees; the safety trend over the three meetings (no pulse yet); the fairness
        // trend's three lines over three meetings
        assertThat(charts()).containsExactly(Map.entry("heatmap", 14), Map.entry("safety", 3),
                Map.entry("trend", 3 * 3));
        assertThat(flagsPerMeeting()).containsExactly(
                List.of("Dominance 3.13 ≥ 2.00", "1 silent attendee"),
                List.of("Question focus 0.57 < 0.70"),
                List.of());
        // rotation, the grid's cells, 6 per meeting; safety: 3 tiles, then responses and 3 reaction means per meeting;
        // the fairness trend's 3 per meeting
        assertThat(PageNumbers.checkAgainstApi(browser, signedIn)).isEqualTo(1 + 14 + 3 * 6 + 3 + 3 * 4 + 3 * 3);
        assertThat(browser.find("main").getText()).contains("Presented so far: Ann, Ben, Cat.");
        browser.screenshot("fairness-audit");

        open("/sets/" + sample.wards + "/fairness?dominance=3.5&questionFocus=0.5&flagSilent=false");
        assertThat(flagsPerMeeting()).containsExactly(List.of(), List.of(), List.of());
    }

    @Test
    @Order(4)
    void roiReportIsPrintableAndDownloadsAsCsvAndPdf() throws IOException, InterruptedException {
        open("/programmes/" + sample.programmeId + "/roi");

        // summary, 7 of the chain of impact, 4 categories and the total, 5 per priced metric, 1 intangible
        assertThat(PageNumbers.checkAgainstApi(browser, signedIn)).isEqualTo(4 + 7 + 5 + 2 * 5 + 1);
        assertThat(browser.find("main").getText()).contains("staff engagement", "Conventions used");
        browser.screenshot("roi-report");

        JsonNode roi = services.queries.get("/api/programmes/" + sample.programmeId + "/roi").body();
        String base = "/programmes/" + sample.programmeId + "/roi";
        assertThat(download(base + "/costs.csv").body()).asString().isEqualTo("category,amount,currency\r\n"
                + "FACILITATION,6000,GBP\r\nPARTICIPANT_TIME,4000,GBP\r\nVENUE,1500,GBP\r\nMATERIALS,350.5,GBP\r\n");
        String[] summary = new String(download(base + "/summary.csv").body()).split("\r\n")[1].split(",");
        assertThat(Double.parseDouble(summary[2])).isEqualTo(roi.get("benefits").asDouble());
        assertThat(Double.parseDouble(summary[4])).isEqualTo(roi.get("roiPercent").asDouble());
        for (String table : List.of("benefits", "intangibles")) {
            assertThat(download(base + "/" + table + ".csv").statusCode()).isEqualTo(200);
        }

        HttpResponse<byte[]> pdf = download(base + ".pdf");
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        Files.write(Browser.SCREENSHOTS.resolve("roi-report.pdf"), pdf.body());
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Discharge flow", "Costs by category", "Benefits per metric",
                    "11,850.50", "Conventions used").doesNotContain("Download");
        }
    }

    @Test
    @Order(5)
    void pagesFitAPhone() throws IOException {
        browser.resize(Browser.PHONE);
        try {
            for (Map.Entry<String, String> page : Map.of(
                    "sponsor-dashboard-phone", "/programmes/" + sample.programmeId,
                    "fairness-audit-phone", "/sets/" + sample.wards + "/fairness",
                    "meeting-console-phone", "/sets/" + sample.wards + "/console").entrySet()) {
                open(page.getValue());
                // wide tables scroll inside their box; the page itself never scrolls sideways
                assertThat((Boolean) browser.script(
                        "return document.documentElement.scrollWidth <= window.innerWidth")).as(page.getKey()).isTrue();
                browser.screenshot(page.getKey());
            }
        } finally {
            browser.resize(Browser.DESKTOP);
        }
    }

    @Test
    @Order(6)
    void meetingConsoleRecordsAMeetingThatTheAuditThenShows() throws IOException {
        open("/sets/" + sample.wards + "/console");
        browser.script("document.getElementById('meeting-date').value = '2026-04-27'");
        browser.find("input[name='attendee'][value='" + sample.member.get("Dev") + "']").click();   // Dev is away
        browser.find("#open-meeting").click();
        browser.wait.until(d -> browser.find("#step-present").isDisplayed());

        new Select(browser.find("#presenter")).selectByVisibleText("Eve");
        browser.find("#challenge-title").sendKeys("Night-shift hand-over");
        browser.find("#present-challenge").click();
        browser.wait.until(d -> browser.find("#step-record").isDisplayed());
        assertThat(browser.find("button[aria-label='Open question by Eve']").isEnabled()).isFalse();
        assertThat(browser.find(".tally-row[data-person-id='" + sample.member.get("Dev") + "']").isDisplayed())
                .isFalse();

        Map<String, Integer> tally = new HashMap<>();
        for (String tap : List.of("Open question by Ann", "Open question by Ann", "Closed question by Ben",
                "Advice by Cat", "Answer by Eve", "Reflection by Ann")) {
            tap(tap, tally);
        }
        browser.find("#action-description").sendKeys("Trial a written hand-over sheet");
        browser.script("document.getElementById('action-due').value = '2026-05-11'");
        browser.find("#commit-action").click();
        browser.wait.until(d -> browser.findAll("#actions li").size() == 1);
        browser.screenshot("meeting-console-recording");
        browser.find("#close-meeting").click();
        browser.wait.until(d -> browser.find("#step-closed").isDisplayed());
        assertThat(browser.find("#problem").isDisplayed()).isFalse();
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("meeting-console");

        browser.find("#to-audit").click();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            open("/sets/" + sample.wards + "/fairness");
            return browser.findAll("table.meetings tbody tr").size() == 4;
        });
        // Ann 2 open questions + 1 reflection, Ben 1, Cat 1, Eve 1 of 6: dominance 4 × 3/6 = 2.00, at the threshold
        assertThat(lastMeetingColumn()).containsExactly(
                Map.entry("Ann", "3"), Map.entry("Ben", "1"), Map.entry("Cat", "1"), Map.entry("Dev", "absent"),
                Map.entry("Eve", "1 P"));
        assertThat(flagsPerMeeting().get(3)).containsExactly("Dominance 2.00 ≥ 2.00");
        assertThat(PageNumbers.checkAgainstApi(browser, signedIn)).isEqualTo(1 + 18 + 4 * 6 + 3 + 4 * 4 + 4 * 3);
        JsonNode actions = fran.get("/api/programmes/" + sample.programmeId + "/actions").body();
        assertThat(actions.findValuesAsText("description")).contains("Trial a written hand-over sheet");
        browser.screenshot("fairness-audit-after-console");
    }

    /**
     * The first demo case study (the one the README describes) loaded through the command API as the launcher loads
     * it: its pages load clean, draw their charts and agree with the API; their screenshots are the README's.
     */
    @Test
    @Order(7)
    void demoCaseStudyPagesForTheReadme() throws IOException {
        DemoProgramme healthcare = CaseStudies.healthcare();
        DemoLoader.Loaded loaded = new DemoLoader(services.commandUrl,
                TestIdentity.basic(TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD), System.out).load(healthcare);
        String api = "/api/programmes/" + loaded.programmeId();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                services.queries.get(api + "/roi").body().path("costs").path("total").decimalValue()
                        .compareTo(healthcare.totalCosts()) == 0
                && services.queries.get(api + "/dashboard").body().path("counts").path("meetingsHeld").asLong()
                        == healthcare.meetings());

        // the demo's administrator and facilitator, as a person trying the platform would sign in
        UUID demoSet = loaded.setIds().values().iterator().next();
        signedIn = services.queriesAs("demo-reader", "ADMIN:" + healthcare.organisation(), "FACILITATOR:" + demoSet);
        browser.signIn(services.queryUrl, "demo-reader", BothServices.PASSWORD);
        open("/programmes/" + loaded.programmeId());
        assertThat(charts()).isNotEmpty().allSatisfy(chart -> assertThat(chart.getValue()).isPositive());
        assertThat(PageNumbers.checkAgainstApi(browser, signedIn)).isEqualTo(6 + 7 + 5 + 2 + 4 + 4);
        browser.screenshot("readme-sponsor-dashboard");

        open("/sets/" + loaded.setIds().values().iterator().next() + "/fairness");
        // the heat map, the safety trend and the fairness trend
        assertThat(charts()).hasSize(3).allSatisfy(chart -> assertThat(chart.getValue()).isPositive());
        assertThat(PageNumbers.checkAgainstApi(browser, signedIn)).isGreaterThan(20);
        assertThat(flagsPerMeeting().get(0)).anySatisfy(flag -> assertThat(flag).startsWith("Dominance"))
                .anySatisfy(flag -> assertThat(flag).endsWith("silent attendee"));
        browser.screenshot("readme-fairness-audit");
    }

    /**
     * Signed out, every page leads to the sign-in form, which says when a password is wrong; signed in as a
     * sponsor of a programme nobody has joined yet, the dashboard withholds what would describe individuals.
     */
    @Test
    @Order(8)
    void signInFormAndWithheldAggregates() throws IOException {
        browser.signOut();
        browser.open(services.queryUrl + "/programmes/" + sample.programmeId);
        assertThat(browser.currentUrl()).endsWith("/login");
        open("/login");
        browser.find("#username").sendKeys("fran");
        browser.find("#password").sendKeys("not-the-password");
        browser.find("button[type=submit]").click();
        browser.wait.until(d -> browser.currentUrl().endsWith("/login?error"));
        assertThat(browser.find("[role=alert]").getText()).isEqualTo("Unknown user or wrong password.");
        browser.screenshot("sign-in-refused");

        services.createUser("energy-sponsor", null, "SPONSOR:" + sample.otherProgrammeId);
        browser.signIn(services.queryUrl, "energy-sponsor", BothServices.PASSWORD);
        open("/");
        assertThat(texts("section.programme h2")).containsExactly("Energy saving");
        open("/programmes/" + sample.otherProgrammeId);
        assertThat(browser.find("main").getText()).contains("Withheld to protect confidentiality")
                .doesNotContain("Follow-through on committed actions").doesNotContain("Participation balance");
        browser.screenshot("sponsor-dashboard-withheld");
    }

    /**
     * The query service's API description (Swagger UI) is served under the pages' Content-Security-Policy too: its
     * scripts come from the service, and it lists the operations without a refused script or style in the console.
     */
    @Test
    @Order(9)
    void apiDescriptionPageWorksUnderTheContentSecurityPolicy() {
        browser.open(services.queryUrl + "/swagger-ui/index.html");
        browser.wait.until(d -> !browser.findAll(".opblock").isEmpty());
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** Taps a contribution button and waits until the console has counted it (the command was accepted). */
    private void tap(String label, Map<String, Integer> tally) {
        WebElement button = browser.find("button[aria-label='" + label + "']");
        WebElement count = button.findElement(By.xpath(
                "ancestor::div[contains(@class,'tally-row')]//span[contains(@class,'tally-count')]"));
        String person = label.substring(label.lastIndexOf(' ') + 1);
        int expected = tally.merge(person, 1, Integer::sum);
        button.click();
        browser.wait.until(d -> count.getText().equals(String.valueOf(expected)));
    }

    /** Opens a page of the query service: it loads without an error in its console, and every control has a name. */
    private void open(String path) {
        pages.open(path);
        assertThat(browser.script(UNLABELLED)).as("controls without a label on " + path).asList().isEmpty();
    }

    /** Each chart's type and the number of data points it was drawn with; and it was drawn (SVG shapes). */
    @SuppressWarnings("unchecked")
    private List<Map.Entry<String, Integer>> charts() {
        List<Map<String, Object>> charts = (List<Map<String, Object>>) browser.script(CHARTS);
        charts.forEach(chart -> assertThat(((Number) chart.get("shapes")).intValue()).as("shapes of " + chart)
                .isPositive());
        return charts.stream()
                .map(chart -> Map.entry((String) chart.get("type"), ((Number) chart.get("points")).intValue()))
                .toList();
    }

    private List<List<String>> flagsPerMeeting() {
        return browser.findAll("table.meetings tbody tr").stream()
                .map(row -> row.findElements(By.cssSelector(".flag")).stream()
                        .map(WebElement::getText).toList())
                .toList();
    }

    private List<Map.Entry<String, String>> lastMeetingColumn() {
        return browser.findAll("table.grid tbody tr").stream()
                .map(row -> Map.entry(row.findElement(By.cssSelector("th")).getText(),
                        row.findElement(By.cssSelector("td:last-child")).getText().trim()))
                .toList();
    }

    private List<String> texts(String css) {
        return browser.findAll(css).stream().map(WebElement::getText).toList();
    }

    private HttpResponse<byte[]> download(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(services.queryUrl + path))
                        .header("Authorization", TestIdentity.basic("fran", BothServices.PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
