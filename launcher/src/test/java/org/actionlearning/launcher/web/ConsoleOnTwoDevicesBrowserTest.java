package org.actionlearning.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.launcher.BothServices;
import org.actionlearning.launcher.SharedServices;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * One open meeting run from two devices at once: a phone (A, 390 px, the shared Chromium) and a laptop (B, 1366 px,
 * a Chromium of its own, so each has its own page and session storage), both signed in as the set's facilitator.
 * Each device's Undo takes back that device's own last tap if it still stands, and says so in plain words when it
 * does not; never another device's tap, never an older one. Both tallies come back to what the events say.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({SharedServices.class, SharedBrowser.class})
class ConsoleOnTwoDevicesBrowserTest {

    private Browser phone;
    private Browser laptop;
    private Pages onPhone;
    private Pages onLaptop;
    private HttpJson cmd;
    private HttpJson una;
    private UUID set;
    private UUID meeting;
    private final Map<String, UUID> people = new LinkedHashMap<>();

    @BeforeAll
    void aMeetingOpenWithTwoContributionsAndTwoDevicesSignedIn(BothServices services, Browser shared)
            throws IOException {
        cmd = services.commands;
        UUID programme = cmd.post("/api/programmes", Map.of("organisation", "Two Devices Community Health",
                "name", "Clinic waiting times", "sponsor", "Chief Nurse", "startsOn", "2026-02-02",
                "currency", "GBP")).id("programmeId");
        set = cmd.post("/api/sets", Map.of("programmeId", programme, "name", "Clinics",
                "facilitatorName", "Una Okafor")).id("setId");
        for (String name : List.of("Mo", "Nia", "Ola")) {
            people.put(name, cmd.post("/api/sets/" + set + "/members", Map.of("displayName", name)).id("personId"));
        }
        // the meeting so far, recorded before either device comes: Ola presents, Mo asks (o1), Nia advises (o2)
        meeting = cmd.post("/api/sets/" + set + "/meetings", Map.of("scheduledFor", "2026-06-15")).id("meetingId");
        String path = "/api/sets/" + set + "/meetings/" + meeting;
        assertThat(cmd.post(path + "/open", Map.of("attendees", List.copyOf(people.values()),
                "openedOn", "2026-06-15")).status()).isEqualTo(200);
        UUID challenge = cmd.post(path + "/challenges", Map.of("presenterId", people.get("Ola"),
                "title", "Missed appointments")).id("challengeId");
        cmd.post(path + "/questions", Map.of("challengeId", challenge, "askerId", people.get("Mo"), "form", "OPEN"))
                .id("contributionId");
        cmd.post(path + "/statements", Map.of("challengeId", challenge, "speakerId", people.get("Nia"),
                "kind", "ADVICE")).id("contributionId");

        una = services.queriesAs("una2dev", "FACILITATOR:" + set);
        await().atMost(Duration.ofSeconds(60)).until(() -> openMeeting().path("contributions").size() == 2);
        phone = shared;
        laptop = Browser.startOrSkip();
        onPhone = new Pages(phone, services.queryUrl);
        onLaptop = new Pages(laptop, services.queryUrl);
        phone.signIn(services.queryUrl, "una2dev", BothServices.PASSWORD);
        laptop.signIn(services.queryUrl, "una2dev", BothServices.PASSWORD);
        phone.resize(Browser.PHONE);
    }

    @AfterAll
    void closeTheLaptop() {
        phone.resize(Browser.DESKTOP);
        if (laptop != null) {
            laptop.close();
        }
    }

    @Test
    void eachDeviceUndoesItsOwnLastTapAndBothShowTheTruth() throws IOException {
        resume(phone, onPhone);
        resume(laptop, onLaptop);
        assertThat(count(phone, "Mo")).isEqualTo("1");
        assertThat(count(laptop, "Mo")).isEqualTo("1");

        // A (the phone) taps Mo's open question twice (a1, a2); B (the laptop) taps Nia's closed question (b1)
        tap(phone, "Open question by Mo", "Mo", "2");
        tap(phone, "Open question by Mo", "Mo", "3");
        tap(laptop, "Closed question by Nia", "Nia", "2");
        await().atMost(Duration.ofSeconds(30)).until(() -> openMeeting().path("contributions").size() == 5);
        List<UUID> recorded = contributionIds();
        UUID o1 = recorded.get(0);
        UUID o2 = recorded.get(1);
        // a1 and a2 were sent before b1 (each tap waits for its answer), so the order recorded is the order tapped
        UUID a1 = recorded.get(2);
        UUID a2 = recorded.get(3);
        UUID b1 = recorded.get(4);
        // B's tally is refreshed from the server after its own tap: A's two taps are in it
        laptop.wait.until(d -> count(laptop, "Mo").equals("3"));

        // A reloads and resumes: its last tap is still its own a2, not B's b1
        resume(phone, onPhone);
        assertThat(count(phone, "Mo")).isEqualTo("3");
        assertThat(count(phone, "Nia")).isEqualTo("2");

        // B undoes its tap: b1 retracted
        undo(laptop, "Undone: Nia: closed question.");
        // A undoes: its own last tap a2, which still stands
        undo(phone, "Undone: Mo: open question.");
        // B has no tap of its own left: its Undo is off, and nothing older (o1) can be taken back from it
        assertThat(laptop.find("#undo-tap").isEnabled()).isFalse();

        // a1 is taken back elsewhere (another page, a script): A's next Undo says so and takes back nothing else
        assertThat(cmd.post("/api/sets/" + set + "/meetings/" + meeting + "/contributions/" + a1 + "/retract",
                Map.of()).status()).isEqualTo(200);
        phone.find("#undo-tap").click();
        phone.wait.until(d -> phone.find("#problem").isDisplayed());
        String said = phone.find("#problem").getText();
        assertThat(said).isEqualTo("Your last tap here (Mo: open question) had already been taken back, on another "
                + "device or page. Nothing else was undone.");
        assertThat(said).doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}");
        phone.consoleErrors(); // the refused retraction's 404, as the browser logs it
        assertThat(phone.find("#undo-tap").isEnabled()).as("the taken-back tap left the list").isFalse();
        assertThat((Boolean) phone.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no sideways scrolling at 390 px").isTrue();
        assertThat((Boolean) phone.script("const r = document.getElementById('problem').getBoundingClientRect();"
                + " return r.top >= 0 && r.bottom <= window.innerHeight")).as("the message is in view").isTrue();

        // the events: a1, a2 and b1 retracted; o1 and o2 stand (Mo 1, Nia 1)
        await().atMost(Duration.ofSeconds(30)).until(() -> contributionIds().size() == 2);
        assertThat(contributionIds()).containsExactly(o1, o2);
        Map<UUID, Boolean> retracted = new LinkedHashMap<>();
        for (JsonNode c : una.get("/api/sets/" + set + "/record").body().path("meetings").path(0)
                .path("contributions")) {
            retracted.put(UUID.fromString(c.path("contributionId").asText()), c.path("retracted").asBoolean());
        }
        assertThat(retracted).containsExactly(Map.entry(o1, false), Map.entry(o2, false), Map.entry(a1, true),
                Map.entry(a2, true), Map.entry(b1, true));

        // both devices come back to the truth: the phone after its own undo, the laptop when it is looked at again
        phone.wait.until(d -> count(phone, "Mo").equals("1") && count(phone, "Nia").equals("1"));
        laptop.script("document.dispatchEvent(new Event('visibilitychange'))");
        laptop.wait.until(d -> count(laptop, "Mo").equals("1") && count(laptop, "Nia").equals("1"));
        assertThat(count(laptop, "Ola")).isEqualTo("0");

        assertThat(phone.accessibilityViolations()).as("axe on the phone, the message shown").isEmpty();
        phone.screenshot("console-two-devices-phone");
        assertThat(laptop.accessibilityViolations()).as("axe on the laptop").isEmpty();
        laptop.screenshot("console-two-devices-laptop");
        assertThat(laptop.consoleErrors()).isEmpty();
    }

    private JsonNode openMeeting() {
        for (JsonNode open : una.get("/api/sets/" + set + "/meetings/open").body().path("meetings")) {
            if (open.path("meetingId").asText().equals(meeting.toString())) {
                return open;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    /** The meeting's contributions not retracted, in the order recorded, as the read side has them. */
    private List<UUID> contributionIds() {
        List<UUID> ids = new java.util.ArrayList<>();
        openMeeting().path("contributions").forEach(c -> ids.add(UUID.fromString(c.path("contributionId").asText())));
        return ids;
    }

    private void resume(Browser browser, Pages pages) {
        pages.open("/sets/" + set + "/console");
        try {
            browser.wait.until(d -> browser.find("#open-meetings").isDisplayed());
            // in the middle of the window: at 390 px the page may still move as the list fills in
            WebElement resume = browser.find("#open-meetings-list li button");
            assertThat(resume.getText()).isEqualTo("Resume");
            browser.script("arguments[0].scrollIntoView({block: 'center'})", resume);
            browser.wait.until(ExpectedConditions.elementToBeClickable(resume)).click();
            browser.wait.until(d -> browser.find("#step-record").isDisplayed());
        } catch (RuntimeException e) {
            throw new AssertionError("not resumed: at " + browser.currentUrl() + ": "
                    + browser.find("body").getText() + "; console " + browser.consoleErrors(), e);
        }
    }

    private void tap(Browser browser, String label, String person, String expected) {
        browser.find("button[aria-label='" + label + "']").click();
        browser.wait.until(d -> count(browser, person).equals(expected));
        browser.wait.until(d -> browser.find("button[aria-label='" + label + "']").isEnabled());
    }

    private void undo(Browser browser, String expected) {
        browser.find("#undo-tap").click();
        browser.wait.until(d -> browser.find("#status").getText().equals(expected)
                || browser.find("#problem").isDisplayed());
        assertThat(browser.find("#problem").isDisplayed()).as(browser.find("#problem").getText()).isFalse();
        assertThat(browser.find("#status").getText()).isEqualTo(expected);
    }

    private String count(Browser browser, String name) {
        return browser.find(".tally-row[data-person-id='" + people.get(name) + "'] .tally-count").getText();
    }
}
