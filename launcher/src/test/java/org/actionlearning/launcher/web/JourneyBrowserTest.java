package org.actionlearning.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.actionlearning.launcher.BothServices;
import org.actionlearning.launcher.SharedServices;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * One whole programme, from an empty platform, through the pages only, each person in turn in a headless Chromium:
 * the organisation's administrator launches a programme, records its costs and forms a set of five with its
 * facilitator (each person sets their password with the link the page showed); the facilitator runs two meetings in
 * the console, the page reloaded in the middle of the first; two members report on and complete their actions; the
 * administrator defines a priced metric, uploads a CSV of measurements and records three attribution estimates; the
 * sponsor's dashboard and ROI report then show the figures worked out by hand below. Every page visited has no
 * serious or critical axe-core violation at 1366 px, the sponsor's dashboard none at 390 px either. Screenshots go
 * to target/screenshots/journey-*.png.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({SharedServices.class, SharedBrowser.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JourneyBrowserTest {

    private static final String ORGANISATION = "Northgate Hospitals";
    /** What each person chooses on the set-password page. */
    private static final String CHOSEN = "Amber-heron-counts-9-tides";
    /** Display name → user name of the set's five members. */
    private static final Map<String, String> MEMBERS = new LinkedHashMap<>();

    static {
        MEMBERS.put("Ann", "ann.j");
        MEMBERS.put("Ben", "ben.j");
        MEMBERS.put("Cat", "cat.j");
        MEMBERS.put("Dev", "dev.j");
        MEMBERS.put("Eve", "eve.j");
    }

    private Browser browser;
    private Pages pages;
    private BothServices services;
    private String programmeId;
    private String setId;
    /** User name → the set-password link the administrator's pages showed. */
    private final Map<String, String> links = new LinkedHashMap<>();
    /** The console's tally in the open meeting, display name → contributions, as the test taps. */
    private final Map<String, Integer> tally = new LinkedHashMap<>();

    @BeforeAll
    void start(BothServices services, Browser browser) throws IOException {
        this.browser = browser;
        this.services = services;
        pages = new Pages(browser, services.queryUrl);
        // the one account not made in the pages: the bootstrap administrator makes the organisation's administrator
        services.createUser("olive.admin", null, "ADMIN:" + ORGANISATION);
    }

    @Test
    @Order(1)
    void theAdministratorLaunchesAProgrammeRecordsCostsAndFormsASetOfFive() throws IOException {
        browser.signIn(services.queryUrl, "olive.admin", BothServices.PASSWORD);
        visit("/admin", "admin-home");
        browser.find("#launch-name").sendKeys("Flow through theatres");
        browser.find("#launch-sponsor").sendKeys("Chief Operating Officer");
        browser.script("document.getElementById('launch-starts').value = '2026-09-07'");
        pages.submit("#launch-form");
        browser.wait.until(d -> browser.currentUrl().contains("/admin/programmes/"));
        String programmePage = pages.path();
        programmeId = programmePage.substring("/admin/programmes/".length());

        visit(programmePage, "admin-programme-new");
        pages.recordCost("FACILITATION", "2500", "2026-09-07");
        pages.recordCost("VENUE", "750.50", "2026-09-08");
        assertThat(browser.find("table.admin-costs tfoot td").getText()).isEqualTo("3,250.50");

        browser.find("#set-name").sendKeys("Theatres");
        browser.find("#set-facilitator-name").sendKeys("Fay Field");
        browser.find("#set-facilitator-username").sendKeys("fay.j");
        pages.submit("#form-set-form");
        browser.wait.until(d -> !browser.findAll("#form-set-form [data-link-for='fay.j']").isEmpty());
        links.put("fay.j", browser.find("#form-set-form [data-link-for='fay.j'] .link-url").getText());
        // the set's page is offered once it can be opened (before, a click landed on a 404)
        browser.wait.until(d -> !browser.findAll("#form-set-form .issued-links a").isEmpty());
        browser.find("#form-set-form .issued-links a").click();
        browser.wait.until(d -> browser.currentUrl().contains("/admin/sets/"));
        String setPage = pages.path();
        setId = setPage.substring("/admin/sets/".length());

        visit(setPage, "admin-set-new");
        MEMBERS.forEach(this::addMember);
        pages.reopenUntil(setPage, () -> browser.findAll("tr.person[data-role=MEMBER]").size() == 5
                && browser.findAll("tr.person .account").stream().noneMatch(a -> a.getText().equals("…")));
        assertThat(browser.findAll("tr.person .account").stream().map(WebElement::getText))
                .containsExactlyInAnyOrder("fay.j", "ann.j", "ben.j", "cat.j", "dev.j", "eve.j");
        noViolations("admin-set");

        // each person follows their own link and chooses a password
        browser.signOut();
        for (String link : links.values()) {
            browser.open(link);
            browser.find("#new-password").sendKeys(CHOSEN);
            browser.find("#repeat-password").sendKeys(CHOSEN);
            pages.submit("#set-password-form");
            browser.wait.until(d -> !browser.findAll("#to-sign-in").isEmpty());
        }
        noViolations("set-password-done");
        assertThat(links).hasSize(6);
    }

    /**
     * Meeting 1 (23 Nov 2026, all five present): Ann presents; Ben open question, Cat closed question, Dev advice,
     * then the page is reloaded and the meeting resumed with its tally (1, 1, 1); Eve open question, Cat advice; Ann
     * commits two actions. Meeting 2 (30 Nov 2026, all five): Ben presents; Ann open, Cat open, Dev closed question,
     * Eve advice; Ben commits one action.
     */
    @Test
    @Order(2)
    void theFacilitatorRunsTwoMeetingsReloadingTheConsoleInTheFirst() throws IOException {
        browser.signIn(services.queryUrl, "fay.j", CHOSEN);
        String console = "/sets/" + setId + "/console";
        visit(console, "console-start");
        assertThat(browser.findAll("input[name='attendee']:checked")).hasSize(5);

        openMeeting("2026-11-23", "Ann", "Theatre start delays");
        tap("Open question by Ben");
        tap("Closed question by Cat");
        tap("Advice by Dev");
        noViolations("console-recording");

        // the reload: wait (through the page) until the read side has the three taps, then reload for real
        pages.reopenUntil(console, () -> browser.find("#open-meetings").isDisplayed()
                && browser.find("#open-meetings-list").getText().contains("3 contributions"));
        WebElement before = browser.find("main");
        browser.script("location.reload()");
        browser.wait.until(ExpectedConditions.stalenessOf(before));
        browser.wait.until(d -> "complete".equals(browser.script("return document.readyState")));
        browser.wait.until(d -> browser.find("#open-meetings").isDisplayed());
        assertThat(browser.findAll("#open-meetings-list li")).hasSize(1);
        assertThat(browser.find("#open-meetings-list").getText()).contains("Opened 2026-11-23", "3 contributions");
        noViolations("console-after-reload");
        WebElement resume = browser.find("#open-meetings-list li button");
        assertThat(resume.getText()).isEqualTo("Resume");
        resume.click();
        browser.wait.until(d -> browser.find("#step-record").isDisplayed());
        assertThat(browser.find("#now-presenting").getText()).isEqualTo("Ann: Theatre start delays");
        for (String name : List.of("Ben", "Cat", "Dev")) {
            assertThat(count(name)).as(name + "'s tally after the reload").isEqualTo(1);
        }
        assertThat(count("Eve")).isZero();
        browser.screenshot("journey-console-resumed");

        tap("Open question by Eve");
        tap("Advice by Cat");
        commitAction("Map first-case start times for a fortnight");
        commitAction("Agree a start-time rule with the anaesthetists");
        closeMeeting();

        // the console opens no meeting while the read side still lists one open: wait until the close is there
        pages.reopenUntil(console, () -> !browser.find("#open-meetings").isDisplayed());
        visit(console, "console-second");
        openMeeting("2026-11-30", "Ben", "Weekend discharges");
        tap("Open question by Ann");
        tap("Open question by Cat");
        tap("Closed question by Dev");
        tap("Advice by Eve");
        commitAction("Pilot a Friday discharge huddle");
        closeMeeting();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    /** Ann completes one of her two actions (the other stays open); Ben completes his. */
    @Test
    @Order(3)
    void membersReportProgressAndCompleteTheirActions() throws IOException {
        followUp("ann.j", "Map first-case start times for a fortnight", "50", "Ten days mapped",
                "Start times mapped for two weeks; shared with the theatre manager");
        noViolations("journey-ann-actions");
        followUp("ben.j", "Pilot a Friday discharge huddle", "30", "First huddle held",
                "Huddle runs every Friday on two wards");
    }

    @Test
    @Order(4)
    void theAdministratorDefinesAMetricUploadsMeasurementsAndRecordsThreeEstimates() throws IOException {
        browser.signIn(services.queryUrl, "olive.admin", BothServices.PASSWORD);
        String page = "/programmes/" + programmeId + "/outcomes";
        visit(page, "outcomes-empty");
        browser.find("#metric-name").sendKeys("cancelled operations");
        browser.find("#metric-unit").sendKeys("operations");
        new Select(browser.find("#metric-direction")).selectByValue("DECREASE");
        new Select(browser.find("#metric-period")).selectByValue("WEEK");
        browser.find("#metric-value").sendKeys("120");
        browser.find("#metric-target").sendKeys("20");
        browser.find("#metric-within").sendKeys("90");
        pages.submit("form[data-command='define']", "Defined “cancelled operations”");
        pages.reopenUntil(page, () -> !browser.findAll("section.metric-admin").isEmpty());

        Path csv = Files.createDirectories(Path.of("target", "journey-csv")).resolve("theatres.csv");
        Files.writeString(csv, """
                series,measuredOn,value
                baseline,2026-09-07,40
                baseline,2026-09-14,44
                baseline,2026-09-21,42
                follow-up,2026-11-23,36
                follow-up,2026-11-30,33
                """);
        browser.find("#csv-0").sendKeys(csv.toAbsolutePath().toString());
        pages.submit("form[data-command='csv']", "Imported 3 baseline and 2 follow-up values from theatres.csv.");

        pages.estimate(60, 50);
        pages.estimate(40, 80);
        pages.estimate(62, 50);
        pages.reopenUntil(page, () -> pages.metricFacts().getOrDefault("Attribution estimates", "").startsWith("3:"));
        assertThat(pages.metricFacts()).containsEntry("Values", "3 baseline, 2 follow-up")
                .containsEntry("Money per unit (GBP)", "120.00");
        noViolations("outcomes-recorded");

        // the sponsor's account, made on the users page with the programme's sponsor grant
        visit("/admin/users", "admin-users");
        browser.find("#user-username").sendKeys("sam.sponsor");
        browser.find("#create-user-form input[name=grants][value='SPONSOR:" + programmeId + "']").click();
        pages.submit("#create-user-form");
        browser.wait.until(d -> !browser.findAll("#create-user-form [data-link-for='sam.sponsor']").isEmpty());
        String link = browser.find("#create-user-form [data-link-for='sam.sponsor'] .link-url").getText();
        browser.signOut();
        browser.open(link);
        browser.find("#new-password").sendKeys(CHOSEN);
        browser.find("#repeat-password").sendKeys(CHOSEN);
        pages.submit("#set-password-form");
        browser.wait.until(d -> !browser.findAll("#to-sign-in").isEmpty());
    }

    @Test
    @Order(5)
    void theSponsorSeesTheFiguresWorkedOutByHand() throws IOException {
        browser.signIn(services.queryUrl, "sam.sponsor", CHOSEN);
        String dashboard = "/programmes/" + programmeId;

        // Activity, counted from the taps above: 2 meetings, each with 1 challenge (Ann's, Ben's);
        // questions: meeting 1 Ben open + Cat closed + Eve open = 3, meeting 2 Ann + Cat open + Dev closed = 3: 6;
        // statements: meeting 1 Dev advice + Cat advice = 2, meeting 2 Eve advice = 1: 3.
        // Actions: Ann 2 + Ben 1 = 3 committed; Ann 1 + Ben 1 = 2 completed: 2 / 3 = 66.7 %, 1 open.
        // Benefits: baseline mean (40 + 44 + 42) / 3 = 42, latest follow-up 33: improvement 9 operations a week;
        // isolation (60 % × 50 % + 40 % × 80 % + 62 % × 50 %) / 3 = (0.30 + 0.32 + 0.31) / 3 = 0.31 (estimates
        // count in whole groups of three);
        // 9 × 52 weeks × 120.00 × 0.31 = 17,409.60. Costs 2,500 + 750.50 = 3,250.50.
        // ROI (17,409.60 − 3,250.50) / 3,250.50 × 100 = 14,159.10 / 3,250.50 × 100 = 435.5976 %;
        // BCR 17,409.60 / 3,250.50 = 5.3560.
        double benefits = 9 * 52 * 120.00 * ((0.60 * 0.50 + 0.40 * 0.80 + 0.62 * 0.50) / 3);
        double roiPercent = (17_409.60 - 3_250.50) / 3_250.50 * 100;
        pages.reopenUntil(dashboard, () -> shown("/followThrough/completionRate").equals("66.7%")
                && shown("/roi/benefits").equals("17,409.60"));
        assertThat(shown("/counts/sets")).isEqualTo("1");
        assertThat(shown("/counts/members")).isEqualTo("5");
        assertThat(shown("/counts/meetingsHeld")).isEqualTo("2");
        assertThat(shown("/counts/challengesPresented")).isEqualTo("2");
        assertThat(shown("/counts/questionsAsked")).isEqualTo("6");
        assertThat(shown("/counts/statementsMade")).isEqualTo("3");
        assertThat(shown("/followThrough/committed")).isEqualTo("3");
        assertThat(shown("/followThrough/open")).isEqualTo("1");
        assertThat(shown("/followThrough/completionRate")).isEqualTo("66.7%");
        // completed today, both before their due date (the console's default, 14 days on): on time 100 %; days to
        // complete: Ann's from 23 Nov, Ben's from 30 Nov, to today: the median of two is their mean
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        double medianDays = (ChronoUnit.DAYS.between(LocalDate.of(2026, 11, 23), today)
                + ChronoUnit.DAYS.between(LocalDate.of(2026, 11, 30), today)) / 2.0;
        assertThat(shown("/followThrough/onTimeRate")).isEqualTo("100.0%");
        assertThat(PageNumbers.parse(shown("/followThrough/medianDaysToComplete"))).isEqualTo(medianDays);
        // Participation, each meeting's five attendees (the presenter counts, with 0):
        // meeting 1 talk Ann 0, Ben 1, Cat 2, Dev 1, Eve 1 (mean 1): gini Σ|xi − xj| / (2 n² mean) = 16 / 50 = 0.32;
        // meeting 2 Ann 1, Ben 0, Cat 1, Dev 1, Eve 1 (mean 0.8): 8 / 40 = 0.2; mean gini 0.26.
        // Normalised entropy: meeting 1 −(3 × 0.2 ln 0.2 + 0.4 ln 0.4) / ln 5 = 1.33220 / 1.60944 = 0.82774,
        // meeting 2 ln 4 / ln 5 = 0.86135: mean 0.84. Question focus questions / (questions + advice):
        // 3 / 5 = 0.6 and 3 / 4 = 0.75: mean 0.675 (shown 0.68). Open-question ratio 2 / 3 in each: 0.67.
        assertThat(shown("/participation/meetings")).isEqualTo("2");
        assertThat(shown("/participation/meanGini")).isEqualTo("0.26");
        assertThat(shown("/participation/meanNormalisedEntropy")).isEqualTo("0.84");
        assertThat(shown("/participation/meanQuestionFocus")).isEqualTo("0.68");
        assertThat(shown("/participation/meanOpenQuestionRatio")).isEqualTo("0.67");
        assertThat(shown("/roi/benefits")).isEqualTo("17,409.60");
        assertThat(shown("/roi/costs")).isEqualTo("3,250.50");
        assertThat(shown("/roi/bcr")).isEqualTo("5.36");
        assertThat(shown("/roi/roiPercent")).isEqualTo("435.6%");
        // the one set, side by side with nothing: the programme's figures again
        assertThat(pages.rows("table.set-breakdown")).containsExactly(
                List.of("Theatres", "5", "2", "0.26", "3", "66.7%"));
        noViolations("journey-sponsor-dashboard");
        browser.resize(Browser.PHONE);
        try {
            browser.open(browser.currentUrl());
            assertThat(browser.accessibilityViolations()).as("sponsor dashboard at 390 px").isEmpty();
            assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .as("the dashboard fits 390 px").isTrue();
            browser.screenshot("journey-sponsor-dashboard-phone");
        } finally {
            browser.resize(Browser.DESKTOP);
        }

        // the API the page reads, to the last digit
        JsonNode d = services.queries.get("/api/programmes/" + programmeId + "/dashboard").body();
        assertThat(d.at("/followThrough/completed").asInt()).isEqualTo(2);
        assertThat(d.at("/followThrough/completionRate").asDouble()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(d.at("/roi/benefits").asDouble()).isCloseTo(benefits, within(1e-6)).isCloseTo(17_409.60, within(1e-6));
        assertThat(d.at("/roi/roiPercent").asDouble()).isCloseTo(roiPercent, within(1e-9));
        assertThat(d.at("/participation/meanGini").asDouble()).isCloseTo((0.32 + 0.2) / 2, within(1e-12));
        assertThat(d.at("/participation/meanQuestionFocus").asDouble()).isCloseTo((0.6 + 0.75) / 2, within(1e-12));
        assertThat(d.at("/participation/meanNormalisedEntropy").asDouble()).isCloseTo(
                ((-(3 * 0.2 * Math.log(0.2) + 0.4 * Math.log(0.4))) / Math.log(5) + Math.log(4) / Math.log(5)) / 2,
                within(1e-12));

        visit(dashboard + "/roi", "journey-roi-report");
        assertThat(shown("/costs/total")).isEqualTo("3,250.50");
        assertThat(shown("/benefits")).isEqualTo("17,409.60");
        assertThat(shown("/bcr")).isEqualTo("5.36");
        assertThat(shown("/roiPercent")).isEqualTo("435.6%");
        assertThat(shown("/chain/application/completionRate")).isEqualTo("66.7%");
        // the benefit line multiplies out: improvement × periods a year × value per unit × isolation = benefit
        assertThat(pages.rows("section[aria-labelledby=benefits] table")).containsExactly(
                List.of("cancelled operations", "9", "52", "120.00", "0.31", "17,409.60"));
        assertThat(browser.find("p.report-facts").getText()).contains("by sam.sponsor");
    }

    // ---- steps

    private void openMeeting(String date, String presenter, String challenge) {
        browser.script("document.getElementById('meeting-date').value = arguments[0]", date);
        browser.find("#open-meeting").click();
        browser.wait.until(d -> browser.find("#step-present").isDisplayed());
        new Select(browser.find("#presenter")).selectByVisibleText(presenter);
        browser.find("#challenge-title").sendKeys(challenge);
        browser.find("#present-challenge").click();
        browser.wait.until(d -> browser.find("#step-record").isDisplayed());
        tally.clear();
        MEMBERS.keySet().forEach(name -> tally.put(name, 0));
    }

    /** Taps a button ("Advice by Dev") and waits for that person's tally to go up by one. */
    private void tap(String label) {
        String person = label.substring(label.lastIndexOf(' ') + 1);
        int expected = tally.merge(person, 1, Integer::sum);
        browser.find("button[aria-label='" + label + "']").click();
        browser.wait.until(d -> count(person) == expected);
    }

    private int count(String name) {
        for (WebElement row : browser.findAll(".tally-row")) {
            if (row.findElement(By.cssSelector(".tally-name span")).getText().equals(name)) {
                return Integer.parseInt(row.findElement(By.cssSelector(".tally-count")).getText());
            }
        }
        throw new AssertionError("no tally row for " + name);
    }

    private void commitAction(String description) {
        int before = browser.findAll("#actions li").size();
        browser.find("#action-description").sendKeys(description);
        browser.find("#commit-action").click();
        browser.wait.until(d -> browser.findAll("#actions li").size() == before + 1);
        assertThat(browser.find("#status").getText()).startsWith("Action committed by ");
    }

    private void closeMeeting() {
        browser.find("#close-meeting").click();
        browser.wait.until(d -> browser.find("#step-closed").isDisplayed());
        assertThat(browser.find("#problem").isDisplayed()).isFalse();
    }

    /** The member signs in, reports progress on the action, then completes it, both on "My actions". */
    private void followUp(String username, String action, String percent, String note, String evidence)
            throws IOException {
        browser.signIn(services.queryUrl, username, CHOSEN);
        pages.reopenUntil("/me/actions", () -> card(action) != null);
        noViolations("my-actions-" + username);
        pages.actionForm(card(action), "progress", Map.of("percentComplete", percent, "note", note));
        assertThat(browser.find("#status").getText()).isEqualTo("Progress reported: " + percent + "% done.");
        pages.actionForm(card(action), "complete", Map.of("evidence", evidence));
        assertThat(browser.find("#status").getText()).isEqualTo("Action completed.");
        pages.reopenUntil("/me/actions", () -> card(action).getText().contains("Completed on"));
        assertThat(card(action).getText()).contains("100% done", "Evidence: " + evidence);
    }

    private WebElement card(String description) {
        return browser.findAll("section.action").stream().filter(c -> c.getText().contains(description)).findFirst()
                .orElse(null);
    }

    /** The text of the number the page shows for this field of its API answer (e.g. "/counts/meetingsHeld"). */
    private String shown(String field) {
        List<WebElement> numbers = browser.findAll(".num[data-field='" + field + "']");
        assertThat(numbers).as(field).isNotEmpty();
        return numbers.get(0).getText().trim();
    }

    private void addMember(String name, String username) {
        links.put(username, pages.addMember(name, username));
    }

    /** Opens a page of the query service: no console error, no serious axe-core violation; a screenshot. */
    private void visit(String path, String name) throws IOException {
        pages.open(path);
        noViolations(name);
    }

    private void noViolations(String name) throws IOException {
        pages.noViolations(name.startsWith("journey-") ? name : "journey-" + name);
    }
}
