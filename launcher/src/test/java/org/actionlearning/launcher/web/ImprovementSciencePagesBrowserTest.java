package org.actionlearning.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
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
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The improvement-science pages in a browser: an attendee answers the pulse on the form; the fairness audit draws
 * the safety trend (a gap for the withheld meeting); the run chart draws the interventions, the phases and their
 * limits; the ROI report reads as a chain of impact; the facilitator's page draws each set's trend. Every page agrees
 * with the API, has no serious accessibility violation at 1366 and 390 px, and is saved to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedBrowser.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ImprovementSciencePagesBrowserTest {

    private static final String ORGANISATION = "St Elsewhere";
    private static final String CHART = """
            const option = echarts.getInstanceByDom(document.querySelector(arguments[0])).getOption();
            return option.series.map(s => ({ name: s.name, points: (s.data || []).length,
              lines: s.markLine && s.markLine.data ? s.markLine.data.length : 0,
              // a segment is drawn only where both its ends have a date
              placed: s.markLine && s.markLine.data ? s.markLine.data.filter(l => !Array.isArray(l)
                || (l[0].coord[0] != null && l[1].coord[0] != null)).length : 0,
              labels: s.markLine && s.markLine.data ? s.markLine.data.map(l => (Array.isArray(l) ? l[0] : l).name
                || '') : [] }));
            """;

    /** The texts of a chart (SVG) whose boxes overlap another's, or stick out of the chart: none may. */
    private static final String OVERLAPS = """
            const root = document.querySelector(arguments[0]);
            const frame = root.getBoundingClientRect();
            const boxes = [...root.querySelectorAll('svg text')].filter(t => t.textContent.trim())
              .map(t => ({ text: t.textContent.trim(), r: t.getBoundingClientRect() }))
              .filter(b => b.r.width > 0 && b.r.height > 0);
            const found = [];
            boxes.forEach((a, i) => {
              if (a.r.left < frame.left - 1 || a.r.right > frame.right + 1 || a.r.top < frame.top - 1
                  || a.r.bottom > frame.bottom + 1) {
                found.push(a.text + ' (outside the chart)');
              }
              boxes.slice(i + 1).forEach(b => {
                if (a.r.left < b.r.right - 1 && b.r.left < a.r.right - 1 && a.r.top < b.r.bottom - 1
                    && b.r.top < a.r.bottom - 1) {
                  found.push(a.text + ' / ' + b.text);
                }
              });
            });
            return found;
            """;

    private Browser browser;
    private Pages pages;
    private BothServices services;
    private HttpJson cmd;
    private UUID programmeId;
    private UUID setId;
    private final Map<String, UUID> people = new HashMap<>();
    private final List<UUID> meetings = new java.util.ArrayList<>();
    private HttpJson fran;

    private static final List<String> MEETING_DAYS = List.of("2026-02-02", "2026-03-02", "2026-03-30");

    @BeforeAll
    void startAndRecord(Browser browser) throws IOException {
        this.browser = browser;
        services = new BothServices("improvementpages");
        pages = new Pages(browser, services.queryUrl);
        cmd = services.commands;
        programmeId = id(cmd.post("/api/programmes", Map.of("organisation", ORGANISATION, "name", "Flow",
                "sponsor", "Chief Nurse", "startsOn", "2026-01-05", "currency", "GBP")), "programmeId");
        setId = id(cmd.post("/api/sets", Map.of("programmeId", programmeId, "name", "Wards",
                "facilitatorName", "Fran Facilitator")), "setId");
        for (String name : List.of("Ann", "Ben", "Cat", "Dan")) {
            UUID person = id(cmd.post("/api/sets/" + setId + "/members", Map.of("displayName", name)), "personId");
            people.put(name, person);
            services.createUser(name.toLowerCase(), person, "MEMBER:" + setId);
        }
        fran = services.queriesAs("fran", "FACILITATOR:" + setId, "ADMIN:" + ORGANISATION);
        List<UUID> everyone = List.of(people.get("Ann"), people.get("Ben"), people.get("Cat"), people.get("Dan"));
        meetings.add(meeting("2026-02-02", everyone));

        // Ben's challenge in the first meeting, two actions for it, and the metric it is tied to, rebased
        String first = "/api/sets/" + setId + "/meetings/" + meetings.get(0);
        UUID challenge = id(cmd.post(first + "/challenges", Map.of("presenterId", people.get("Ben"),
                "title", "Bed waits")), "challengeId");
        question(first, challenge, "Ann", "OPEN");
        question(first, challenge, "Cat", "OPEN");
        question(first, challenge, "Cat", "CLOSED");
        UUID mapped = id(cmd.post(first + "/actions", Map.of("challengeId", challenge, "ownerId", people.get("Ben"),
                "description", "Map the bed flow", "dueOn", "2026-02-20")), "actionId");
        id(cmd.post(first + "/actions", Map.of("challengeId", challenge, "ownerId", people.get("Ben"),
                "description", "Ask the porters", "dueOn", "2026-03-20")), "actionId");
        status(cmd.post("/api/actions/" + mapped + "/complete", Map.of("completedOn", "2026-02-18")), 200);
        UUID metric = id(cmd.post("/api/outcomes", Map.of("programmeId", programmeId, "challengeId", challenge,
                "name", "bed waits", "unit", "hours", "direction", "DECREASE", "period", "WEEK",
                "valuePerUnit", 40)), "metricId");
        points(metric, "baseline", "2026-01-05", 10, "2026-01-12", 12, "2026-01-19", 11);
        points(metric, "measurements", "2026-02-09", 9, "2026-02-16", 8, "2026-02-23", 8, "2026-03-02", 7,
                "2026-03-09", 6, "2026-03-16", 7, "2026-03-23", 6);
        status(cmd.post("/api/outcomes/" + metric + "/phases", Map.of("startsOn", "2026-03-02")), 201);
        // one open meeting at a time
        status(cmd.post(first + "/close", Map.of()), 200);
        meetings.add(meeting("2026-03-02", everyone.subList(0, 3)));
        status(cmd.post("/api/sets/" + setId + "/meetings/" + meetings.get(1) + "/close", Map.of()), 200);
        meetings.add(meeting("2026-03-30", everyone));
        status(cmd.post("/api/programmes/" + programmeId + "/costs", Map.of("category", "VENUE", "amount", 900,
                "incurredOn", "2026-01-05")), 201);

        // pulses: three in the first meeting (Dan answers in the browser), two in the second (withheld), three in
        // the third
        pulse("ann", 0, List.of(2, 6, 2, 6, 2, 6, 6), 4);
        pulse("ben", 0, List.of(3, 5, 3, 5, 3, 5, 5), 5);
        pulse("cat", 0, List.of(4, 4, 4, 4, 4, 4, 4), 3);
        pulse("ann", 1, List.of(1, 7, 1, 7, 1, 7, 7), 5);
        pulse("ben", 1, List.of(1, 7, 1, 7, 1, 7, 7), 5);
        pulse("ann", 2, List.of(1, 6, 1, 6, 1, 6, 6), 5);
        pulse("ben", 2, List.of(2, 6, 2, 6, 2, 6, 6), 4);
        pulse("dan", 2, List.of(2, 5, 2, 5, 2, 5, 5), 4);
        await().atMost(Duration.ofSeconds(60)).until(() -> fran.get("/api/sets/" + setId + "/safety").body()
                .at("/meetings/2/respondents").asInt() == 3
                && fran.get("/api/programmes/" + programmeId + "/roi").body().path("costs").path("total")
                .asDouble() == 900);
    }

    @AfterAll
    void stop() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    @Order(1)
    void anAttendeeAnswersThePulseOnTheForm() throws IOException {
        // back to the day of the first meeting, while its pulse window is open (a test's clock may go back)
        services.clock.setDate(LocalDate.parse("2026-02-02"));
        browser.signIn(services.queryUrl, "dan", BothServices.PASSWORD);
        String page = "/sets/" + setId + "/meetings/" + meetings.get(0) + "/pulse";
        pages.open(page);
        accessibleAtBothSizes("pulse-form");
        for (int item = 1; item <= 7; item++) {
            // Dan answers 6 to every item: reversed 2 on items 1, 3 and 5
            browser.script("document.querySelector(\"input[name='item" + item + "'][value='6']\").click()");
        }
        browser.script("document.querySelector(\"input[name='usefulness'][value='2']\").click()");
        browser.find("#send-pulse").click();
        browser.wait.until(d -> browser.find("#status").getText().startsWith("Thank you"));
        assertThat(browser.find("#problem").isDisplayed()).isFalse();
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("pulse-form-sent");
        HttpJson dan = services.queries.as("dan", BothServices.PASSWORD);
        await().atMost(Duration.ofSeconds(30)).until(() -> dan.get("/api/sets/" + setId + "/meetings/"
                + meetings.get(0) + "/pulse/mine").status() == 200);
        services.clock.reset();   // the window has closed: the meeting's aggregate shows with Dan's answer
        await().atMost(Duration.ofSeconds(30)).until(() -> fran.get("/api/sets/" + setId + "/safety").body()
                .at("/meetings/0/respondents").asInt() == 4);
        // his own answers come back filled in; nobody else's can
        pages.open(page);
        assertThat(browser.find("#answered").getText()).contains("answered already");
        assertThat((Boolean) browser.script("return document.querySelector(\"input[name='item4'][value='6']\")"
                + ".checked")).isTrue();
    }

    @Test
    @Order(2)
    void theFairnessAuditDrawsTheSafetyTrendWithAGapForTheWithheldMeeting() throws IOException {
        browser.signIn(services.queryUrl, "fran", BothServices.PASSWORD);
        pages.open("/sets/" + setId + "/fairness");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> series = (List<Map<String, Object>>) browser.script(CHART,
                "[data-chart='safety']");
        assertThat(series).singleElement().satisfies(s -> assertThat(s.get("points")).isEqualTo(3L));
        assertThat((Long) browser.script("return document.querySelectorAll(\"[data-chart='safety'] svg path\")"
                + ".length")).isPositive();
        // the withheld meeting is a gap in the line and says so in the table
        assertThat(browser.script("return echarts.getInstanceByDom(document.querySelector(\"[data-chart='safety']\"))"
                + ".getOption().series[0].data[1][1]")).isNull();
        assertThat(browser.find("table.safety-meetings").getText()).contains("withheld");
        assertThat(PageNumbers.checkAgainstApi(browser, fran)).isPositive();
        browser.screenshot("fairness-audit-safety");
        accessibleAtBothSizes("fairness-audit-safety", ".safety");
    }

    @Test
    @Order(3)
    void theRunChartDrawsInterventionsPhasesAndLimits() throws IOException {
        pages.open("/programmes/" + programmeId);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> series = (List<Map<String, Object>>) browser.script(CHART, "[data-chart='run']");
        Map<String, Object> baseline = series.get(0);
        Map<String, Object> followUps = series.get(1);
        // phase 1: median and two limits across the chart; phase 2 (from 2 March): its own median and limits
        assertThat(baseline.get("lines")).isEqualTo(6L);
        assertThat(baseline.get("placed")).isEqualTo(6L);
        // two actions committed on 2 February, one completed on 18 February
        assertThat(followUps.get("labels")).asList()
                .containsExactlyInAnyOrder("action committed", "action completed", "action committed");
        assertThat(browser.find("main").getText()).contains("Psychological safety");
        assertThat(PageNumbers.checkAgainstApi(browser, fran)).isPositive();
        browser.findAll("[data-chart='run']").forEach(browser::hover);
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("run-chart-interventions");
        accessibleAtBothSizes("dashboard-safety");
    }

    /** The run chart's axis, phase, limit, target and intervention labels: none covers another, at either width. */
    @Test
    @Order(3)
    void theRunChartsLabelsDoNotOverlapAtEitherWidth() throws IOException {
        for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
            browser.resize(size);
            try {
                pages.open("/programmes/" + programmeId);
                WebElement chart = browser.find("[data-chart='run']");
                browser.script("arguments[0].scrollIntoView({block: 'center'})", chart);
                java.nio.file.Files.createDirectories(Browser.SCREENSHOTS);
                java.nio.file.Files.write(Browser.SCREENSHOTS.resolve("run-chart-" + size.width + ".png"),
                        chart.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
                @SuppressWarnings("unchecked")
                List<String> overlaps = (List<String>) browser.script(OVERLAPS, "[data-chart='run']");
                assertThat(overlaps).as("run chart labels at " + size.width + " px").isEmpty();
            } finally {
                browser.resize(Browser.DESKTOP);
            }
        }
    }

    @Test
    @Order(4)
    void theRoiReportReadsAsAChainOfImpact() throws IOException {
        pages.open("/programmes/" + programmeId + "/roi");
        assertThat(browser.find("table.chain").getText()).contains("1. Reaction", "2. Learning", "3. Application",
                "4. Impact", "5. ROI");
        assertThat(PageNumbers.checkAgainstApi(browser, fran)).isPositive();
        browser.screenshot("roi-chain-of-impact");
        accessibleAtBothSizes("roi-chain-of-impact", ".chain");
    }

    @Test
    @Order(5)
    void theFacilitatorSeesTheirSetsTrendAndTheOrganisationInAggregate() throws IOException {
        pages.open("/facilitation");
        assertThat((Long) browser.script("return document.querySelectorAll(\"[data-chart='facilitation'] svg path\")"
                + ".length")).isPositive();
        assertThat(browser.find("main").getText()).contains("Your sets", "Wards", "Organisations, in aggregate",
                ORGANISATION);
        assertThat(PageNumbers.checkAgainstApi(browser, fran)).isPositive();
        browser.screenshot("facilitation");
        accessibleAtBothSizes("facilitation");
    }

    private void accessibleAtBothSizes(String name) throws IOException {
        accessibleAtBothSizes(name, "");
    }

    /**
     * No serious or critical axe-core violation at 1366 and 390 px; on a page this work only added a section to,
     * {@code within} names it and only the violations there count (the rest of the page is not this test's).
     */
    private void accessibleAtBothSizes(String name, String within) throws IOException {
        for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
            browser.resize(size);
            try {
                browser.script("window.dispatchEvent(new Event('resize'))");
                assertThat(browser.accessibilityViolations()).filteredOn(violation -> violation.contains(within))
                        .as(name + " at " + size.width + " px").isEmpty();
                assertThat((Boolean) browser.script(
                        "return document.documentElement.scrollWidth <= window.innerWidth")).as(name).isTrue();
                if (size.equals(Browser.PHONE)) {
                    browser.screenshot(name + "-phone");
                }
            } finally {
                browser.resize(Browser.DESKTOP);
            }
        }
    }

    private UUID meeting(String on, List<UUID> attendees) {
        UUID meetingId = id(cmd.post("/api/sets/" + setId + "/meetings", Map.of("scheduledFor", on)), "meetingId");
        status(cmd.post("/api/sets/" + setId + "/meetings/" + meetingId + "/open",
                Map.of("attendees", attendees)), 200);
        return meetingId;
    }

    private void question(String meeting, UUID challenge, String asker, String form) {
        id(cmd.post(meeting + "/questions", Map.of("challengeId", challenge, "askerId", people.get(asker),
                "form", form)), "contributionId");
    }

    /** An answer on the day of the meeting, while its pulse window is open. */
    private void pulse(String member, int meeting, List<Integer> items, int usefulness) {
        services.clock.setDate(LocalDate.parse(MEETING_DAYS.get(meeting)));
        status(cmd.as(member, BothServices.PASSWORD).post("/api/sets/" + setId + "/meetings/" + meetings.get(meeting)
                + "/pulse", Map.of("items", items, "usefulness", usefulness)), 201);
        services.clock.reset();
    }

    private void points(UUID metricId, String series, Object... datesAndValues) {
        for (int i = 0; i < datesAndValues.length; i += 2) {
            status(cmd.post("/api/outcomes/" + metricId + "/" + series,
                    Map.of("measuredOn", datesAndValues[i], "value", datesAndValues[i + 1])), 201);
        }
    }

    private static UUID id(HttpJson.Response response, String field) {
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.id(field);
    }

    private static void status(HttpJson.Response response, int expected) {
        assertThat(response.status()).as(response.raw()).isEqualTo(expected);
    }
}
