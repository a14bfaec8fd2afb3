package org.actionlearning.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The facilitator's pages in headless Chromium: a meeting run in the console survives a reload in the middle (a
 * second Open is refused and the open meeting is offered to resume), a tap is undone, a reflection recorded, the
 * meeting closed; the fairness audit's trend and the set record then show what a hand count gives. Each page is
 * checked with axe-core at 1366 and 390 px; screenshots go to target/screenshots/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({SharedServices.class, SharedBrowser.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FacilitatorPagesBrowserTest {

    private Browser browser;
    private Pages pages;
    private BothServices services;
    private UUID set;
    private UUID ann;
    private UUID ben;
    private UUID cat;
    /** The facilitator, signed in on the query side (the browser signs in as them too). */
    private HttpJson fay;

    @BeforeAll
    void recordASetAndSignIn(BothServices services, Browser browser) throws IOException {
        this.browser = browser;
        this.services = services;
        pages = new Pages(browser, services.queryUrl);
        HttpJson cmd = services.commands;
        UUID programme = cmd.post("/api/programmes", Map.of("organisation", "St Elsewhere NHS Trust",
                "name", "Theatre flow", "sponsor", "Medical Director", "startsOn", "2026-01-05", "currency", "GBP"))
                .id("programmeId");
        set = cmd.post("/api/sets", Map.of("programmeId", programme, "name", "Theatres",
                "facilitatorName", "Fay Adeyemi")).id("setId");
        ann = cmd.post("/api/sets/" + set + "/members", Map.of("displayName", "Ann")).id("personId");
        ben = cmd.post("/api/sets/" + set + "/members", Map.of("displayName", "Ben")).id("personId");
        cat = cmd.post("/api/sets/" + set + "/members", Map.of("displayName", "Cat")).id("personId");
        fay = services.queriesAs("fay", "FACILITATOR:" + set);
        await().atMost(Duration.ofSeconds(60)).until(() -> fay.get("/api/sets/" + set + "/record").status() == 200);
        browser.signIn(services.queryUrl, "fay", BothServices.PASSWORD);
    }

    @Test
    @Order(1)
    void aMeetingSurvivesAReloadAndATapIsUndone() throws IOException {
        pages.open("/sets/" + set + "/console");
        pages.accessibleAtBothSizes("console-open");

        // a meeting scheduled for later with the form
        browser.script("document.getElementById('schedule-date').value = '2026-05-11'");
        browser.find("#schedule-meeting").click();
        browser.wait.until(d -> browser.findAll("#scheduled-list li").size() == 1);
        assertThat(browser.find("#scheduled-list").getText()).contains("Scheduled for 2026-05-11");

        browser.script("document.getElementById('meeting-date').value = '2026-04-27'");
        browser.find("#open-meeting").click();
        browser.wait.until(d -> browser.find("#step-present").isDisplayed());
        new Select(browser.find("#presenter")).selectByVisibleText("Ann");
        browser.find("#challenge-title").sendKeys("Theatre start delays");
        browser.find("#present-challenge").click();
        browser.wait.until(d -> browser.find("#step-record").isDisplayed());
        tap("Open question by Ben", 1);
        tap("Closed question by Ben", 2);
        tap("Advice by Cat", 1);
        tap("Open question by Cat", 2);
        pages.accessibleAtBothSizes("console-recording");

        // the read side has the four taps; then the page is reloaded, as a dropped laptop lid would
        await().atMost(Duration.ofSeconds(30)).until(() -> openMeeting().path("contributions").size() == 4);
        pages.open("/sets/" + set + "/console");
        browser.wait.until(d -> browser.find("#open-meetings").isDisplayed());
        assertThat(browser.findAll("#open-meetings-list li")).hasSize(1);
        assertThat(browser.find("#open-meetings-list").getText()).contains("Opened 2026-04-27", "4 contributions");

        // opening another meeting while this one is open is refused, naming it, and the refusal stays in view
        browser.find("#open-meeting").click();
        browser.wait.until(d -> browser.find("#problem").isDisplayed());
        assertThat(browser.find("#problem").getText()).contains("is still open");
        browser.consoleErrors();  // the refused command's 409 is logged by the browser: expected here
        browser.screenshot("console-second-open-refused");

        resume();
        // "recorded in this meeting" is the meeting so far, as the events tell it, not only the resume
        assertThat(pages.texts("#log li")).containsExactly(
                "Meeting of 2026-04-27 opened with Ann, Ben, Cat.",
                "Ann presents “Theatre start delays”.",
                "Ben: open question.", "Ben: closed question.", "Cat: advice.", "Cat: open question.",
                "Resumed the meeting of 2026-04-27 (4 contributions so far).");
        assertThat(count("Ben")).isEqualTo("2");
        assertThat(count("Cat")).isEqualTo("2");
        assertThat(browser.find("#now-presenting").getText()).isEqualTo("Ann: Theatre start delays");
        assertThat(browser.find("button[aria-label='Open question by Ann']").isEnabled()).isFalse();

        // undo the last tap (Cat's open question): a retraction, Cat back to 1
        browser.find("#undo-tap").click();
        browser.wait.until(d -> count("Cat").equals("1"));
        assertThat(browser.find("#status").getText()).isEqualTo("Undone: Cat: open question.");

        new Select(browser.find("#reflection-author")).selectByVisibleText("Ben");
        browser.find("#reflection-text").sendKeys("I asked before I listened.");
        browser.find("#record-reflection").click();
        browser.wait.until(d -> browser.find("#status").getText().startsWith("Reflection by Ben"));
        browser.screenshot("console-resumed");

        browser.find("#close-meeting").click();
        browser.wait.until(d -> browser.find("#step-closed").isDisplayed());
        assertThat(browser.find("#problem").isDisplayed()).isFalse();
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    @Order(2)
    void aMeetingOpenedByMistakeIsDiscarded() throws IOException {
        // right after a close the read side may still list the meeting as open (here it always does): the console
        // leaves "one open meeting" to the command side, which knows the meeting is closed
        pages.open("/sets/" + set + "/console");
        browser.script("""
                const real = window.fetch;
                window.fetch = (url, options) => String(url).endsWith('/meetings/open')
                  ? Promise.resolve(new Response(JSON.stringify({ meetings: [{ meetingId: arguments[0],
                      openedOn: '2026-04-27', attendees: [], presenting: null, contributions: [], tally: [] }] }),
                      { status: 200, headers: { 'Content-Type': 'application/json' } }))
                  : real(url, options);
                """, UUID.randomUUID().toString());
        new Select(browser.find("#scheduled-meeting")).selectByVisibleText("Scheduled for 2026-05-11");
        browser.find("#open-meeting").click();
        browser.wait.until(d -> browser.find("#step-present").isDisplayed());
        new Select(browser.find("#presenter")).selectByVisibleText("Ben");
        browser.find("#challenge-title").sendKeys("Opened by mistake");
        browser.find("#present-challenge").click();
        browser.wait.until(d -> browser.find("#step-record").isDisplayed());
        tap("Advice by Ann", 1);
        browser.script("window.confirm = () => true");
        browser.find("#discard-meeting").click();
        browser.wait.until(d -> browser.find("#step-closed").isDisplayed());
        assertThat(browser.find("#closed-heading").getText()).isEqualTo("Meeting discarded");
        await().atMost(Duration.ofSeconds(30)).until(() -> openMeetings().isEmpty());
    }

    @Test
    @Order(3)
    void theAuditShowsTheTrendAndQuestionsAgainstAdviceByHand() throws IOException {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            pages.open("/sets/" + set + "/fairness");
            return browser.findAll("table.meetings tbody tr").size() == 1;
        });
        // Ann presented (0), Ben 2 questions (1 open), Cat 1 advice (her open question undone): n 3, total 3
        // gini 2 × (2 + 1 + 1) / (2 × 3² × 1) = 4/9; dominance 3 × 2/3 = 2; question focus 2 / (2 + 1)
        List<String> trend = pages.texts("#fairness-trend table.trend:not(#questions-vs-advice) tbody td");
        assertThat(trend).containsExactly("0.44", "2.00", "0.67");
        assertThat(pages.rows("#questions-vs-advice")).containsExactly(
                List.of("Ann", "1", "0", "0", "0"),
                List.of("Ben", "1", "2", "1", "0"),
                List.of("Cat", "1", "0", "0", "1"));
        // rotation, the grid, the meeting's 6, the trend's 3; the safety section: 3 tiles and 4 for the meeting of
        // 27 April (its pulse window has closed; the discarded meeting is in no figure)
        assertThat(PageNumbers.checkAgainstApi(browser, fay)).isEqualTo(1 + 3 + 6 + 3 + 3 + 4);
        // the discarded meeting is in no figure: one meeting held
        assertThat(fay.get("/api/sets/" + set + "/fairness").body().get("meetings")).hasSize(1);
        pages.accessibleAtBothSizes("fairness-trend");
    }

    @Test
    @Order(4)
    void theSetRecordKeepsTheUndoneTapMarkedAndTheReflection() throws IOException {
        pages.open("/sets/" + set + "/record");
        String text = browser.find("main").getText();
        assertThat(text).contains("Theatre start delays", "I asked before I listened.", "discarded: counts in no figure",
                "Opened by mistake");
        List<WebElement> retracted = browser.findAll("li.retracted");
        assertThat(retracted).hasSize(1);
        assertThat(retracted.get(0).getText()).isEqualTo("Cat: open question (retracted)");
        pages.accessibleAtBothSizes("set-record");
    }

    @Test
    @Order(5)
    void anErrorStaysInViewOnAPhone() throws IOException {
        browser.resize(Browser.PHONE);
        try {
            pages.open("/sets/" + set + "/console");
            browser.script("document.querySelectorAll('input[name=attendee]').forEach(b => b.checked = false)");
            browser.script("document.getElementById('open-meeting').scrollIntoView({block: 'end'})");
            browser.find("#open-meeting").click();
            browser.wait.until(d -> browser.find("#problem").isDisplayed());
            assertThat(browser.find("#problem").getText()).isEqualTo("Tick at least one member who is present.");
            assertThat((Boolean) browser.script("const r = document.getElementById('problem').getBoundingClientRect();"
                    + " return r.top >= 0 && r.bottom <= window.innerHeight")).as("the problem is in view").isTrue();
            assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                    .isTrue();
        } finally {
            browser.resize(Browser.DESKTOP);
        }
    }

    private JsonNode openMeeting() {
        return openMeetings().path(0);
    }

    private JsonNode openMeetings() {
        return fay.get("/api/sets/" + set + "/meetings/open").body().get("meetings");
    }

    private void resume() {
        WebElement resume = browser.find("#open-meetings-list li button");
        assertThat(resume.getText()).isEqualTo("Resume");
        resume.click();
        browser.wait.until(d -> browser.find("#step-record").isDisplayed());
    }

    private void tap(String label, int expected) {
        browser.find("button[aria-label='" + label + "']").click();
        String person = label.substring(label.lastIndexOf(' ') + 1);
        browser.wait.until(d -> count(person).equals(String.valueOf(expected)));
    }

    private String count(String name) {
        UUID person = Map.of("Ann", ann, "Ben", ben, "Cat", cat).get(name);
        return browser.find(".tally-row[data-person-id='" + person + "'] .tally-count").getText();
    }
}
