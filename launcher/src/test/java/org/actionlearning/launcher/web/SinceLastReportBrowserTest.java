package org.actionlearning.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.actionlearning.launcher.BothServices;
import org.actionlearning.launcher.SharedServices;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;

/**
 * "Since the last report" on the sponsor dashboard in a real browser: the sample programme is recorded, an instant
 * taken, then one more cost of 100 recorded; asked for (the section is worked out on demand), the dashboard since
 * that instant shows the costs moving from 11,850.50 to 11,950.50 and the cost among the records stored in between.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({SharedServices.class, SharedBrowser.class})
class SinceLastReportBrowserTest {

    private Browser browser;
    private BothServices services;
    private SampleProgramme sample;
    private Instant lastReport;

    @BeforeAll
    void recordTheSampleThenOneMoreCost(BothServices services, Browser browser) throws Exception {
        this.browser = browser;
        this.services = services;
        sample = new SampleProgramme(services.commands, "since");
        String roi = "/api/programmes/" + sample.programmeId + "/roi";
        await().atMost(Duration.ofSeconds(60)).until(() -> services.queries.get(roi).body().path("costs")
                .path("total").asDouble() == SampleProgramme.TOTAL_COSTS);
        // the page's since input is to the second: the report instant is a whole second after everything so far
        lastReport = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Thread.sleep(Duration.between(Instant.now(), lastReport).toMillis() + 50);
        HttpJson.Response cost = services.commands.post("/api/programmes/" + sample.programmeId + "/costs",
                Map.of("category", "FACILITATION", "amount", 100, "incurredOn", "2026-04-01"));
        assertThat(cost.status()).as(cost.raw()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> services.queries.get(roi).body().path("costs")
                .path("total").asDouble() == SampleProgramme.TOTAL_COSTS + 100);
        HttpJson fran = services.queriesAs("fran.since", "ADMIN:" + sample.organisation);
        assertThat(fran).isNotNull();
        browser.signIn(services.queryUrl, "fran.since", BothServices.PASSWORD);
    }

    @Test
    void theDashboardShowsWhatMovedSinceTheLastReport() throws IOException {
        String since = LocalDateTime.ofInstant(lastReport, ZoneOffset.UTC).toString();
        browser.resize(Browser.DESKTOP);
        browser.open(services.queryUrl + "/programmes/" + sample.programmeId);
        // worked out only when asked for: the dashboard itself does not pay for it
        assertThat(browser.findAll("table.moved-figures")).isEmpty();
        assertThat(browser.find("p.since-on-demand").getText()).contains("when you press Compare");
        browser.find("#since").clear();
        browser.find("#since").sendKeys(since.replace('T', ' '));
        browser.find("#since-last-report ~ form button[type=submit]").click();
        browser.wait.until(d -> !browser.findAll("table.moved-figures").isEmpty());
        assertThat(browser.currentUrl()).contains("since=").endsWith("#since-last-report");
        assertThat(browser.consoleErrors()).isEmpty();

        List<String> moved = browser.findAll("table.moved-figures tbody tr").stream().map(WebElement::getText)
                .toList();
        // 11,850.50 + 100 = 11,950.50; the ratio and ROI move with it, nothing else does
        assertThat(moved).anySatisfy(row -> assertThat(row).contains("roi/costs", "11,850.5", "11,950.5"));
        assertThat(moved).noneSatisfy(row -> assertThat(row).contains("counts/"));
        List<String> records = browser.findAll("table.recorded-events tbody tr").stream().map(WebElement::getText)
                .toList();
        assertThat(records).hasSize(1);
        assertThat(records.get(0)).contains("ProgrammeCostRecorded", "2026-04-01");
        assertThat(browser.accessibilityViolations()).isEmpty();
        browser.script("document.getElementById('since-last-report').scrollIntoView()");
        browser.screenshot("since-last-report");
        browser.resize(Browser.PHONE);
        assertThat(browser.accessibilityViolations()).isEmpty();
        browser.resize(Browser.DESKTOP);
    }

    /** The tile's link opens the records behind it: 3 meetings of Wards and 1 of Pharmacy, all of 4 or 5 people. */
    @Test
    void aCountTileLinksToTheRecordsBehindIt() {
        browser.resize(Browser.DESKTOP);
        browser.open(services.queryUrl + "/programmes/" + sample.programmeId);
        String href = browser.find("a.explain[href*='figure=meetingsHeld']").getAttribute("href");
        browser.open(href);
        assertThat(browser.consoleErrors()).isEmpty();
        List<String> rows = browser.findAll("table.explained-records tbody tr").stream().map(WebElement::getText)
                .toList();
        assertThat(rows).hasSize(4);
        assertThat(String.join("\n", rows)).contains("2026-02-02", "2026-02-10", "2026-03-02", "2026-03-30")
                .doesNotContainPattern("\\b(Ann|Ben|Cat|Dev|Eve|Gus)\\b");
        assertThat(browser.accessibilityViolations()).isEmpty();
        browser.resize(Browser.PHONE);
        assertThat(browser.accessibilityViolations()).isEmpty();
        browser.resize(Browser.DESKTOP);
    }
}
