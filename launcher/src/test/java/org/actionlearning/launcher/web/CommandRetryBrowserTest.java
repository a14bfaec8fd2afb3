package org.actionlearning.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.launcher.BothServices;
import org.actionlearning.launcher.SharedServices;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestIdentity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A statement sent from the pages whose every answer is lost on the network (the request reached the command
 * service, the answer never came back): the page's client backs off over seconds, gives up, and the user's next
 * try of the same statement carries the same Idempotency-Key, so the statement is recorded once, not twice.
 * The network is a stub around the browser's own fetch: it sends each request, then throws its answer away.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({SharedServices.class, SharedBrowser.class})
class CommandRetryBrowserTest {

    /** Answers lost: more than one give-up's attempts of the old client (3), as many as the new one makes (5). */
    private static final int LOST_ANSWERS = 5;

    private Browser browser;
    private Pages pages;
    private BothServices services;
    private UUID setId;
    private UUID meetingId;
    private UUID challengeId;
    private UUID speaker;

    @BeforeAll
    void openAMeeting(BothServices services, Browser browser) {
        this.browser = browser;
        this.services = services;
        pages = new Pages(browser, services.queryUrl);
        HttpJson cmd = services.commands;
        UUID programmeId = cmd.post("/api/programmes", Map.of("organisation", "Retrywell Trust", "name", "Lost answers",
                "sponsor", "Chief Executive", "startsOn", "2026-01-05", "currency", "GBP")).id("programmeId");
        setId = cmd.post("/api/sets", Map.of("programmeId", programmeId, "name", "Retriers",
                "facilitatorName", "Rita Retry")).id("setId");
        speaker = cmd.post("/api/sets/" + setId + "/members", Map.of("displayName", "Rob")).id("personId");
        UUID presenter = cmd.post("/api/sets/" + setId + "/members", Map.of("displayName", "Ria")).id("personId");
        meetingId = cmd.post("/api/sets/" + setId + "/meetings", Map.of("scheduledFor", "2026-02-02")).id("meetingId");
        assertThat(cmd.post(meeting("/open"), Map.of("attendees", List.of(speaker, presenter))).status())
                .isEqualTo(200);
        challengeId = cmd.post(meeting("/challenges"), Map.of("presenterId", presenter, "title", "Lost answers"))
                .id("challengeId");
        browser.signIn(services.queryUrl, TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD);
    }

    @Test
    void aStatementWhoseAnswersWereLostIsRecordedOnceWhenTheUserTriesAgain() {
        pages.open("/admin");
        browser.script("""
                const [path, body, lostAnswers] = arguments;
                const root = document.getElementById('admin');
                const realFetch = window.fetch;
                window.retryTest = { lost: 0, result: null };
                window.fetch = async (url, init) => {
                  const answer = await realFetch(url, init);
                  if (String(url).endsWith('/statements') && window.retryTest.lost < lostAnswers) {
                    window.retryTest.lost++;
                    throw new TypeError('Failed to fetch');
                  }
                  return answer;
                };
                const api = window.CommandApi.client(root.dataset.commandApi, root.dataset.commandToken);
                const started = Date.now();
                api.post(path, body).then(() => { window.retryTest.result = { recordedAtFirst: true }; },
                  (gaveUp) => {
                    const waited = Date.now() - started;
                    api.post(path, body).then(
                      (answer) => { window.retryTest.result = { message: gaveUp.message, waited, answer }; },
                      (again) => { window.retryTest.result = { error: again.message }; });
                  });
                """, meeting("/statements"),
                Map.of("challengeId", challengeId.toString(), "speakerId", speaker.toString(), "kind", "ADVICE"),
                LOST_ANSWERS);

        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250))
                .until(() -> browser.script("return window.retryTest.result") != null);
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) browser.script("return window.retryTest.result");

        // a marker recorded after it: once the read side shows the marker, it shows the statement(s) before it
        assertThat(services.commands.post(meeting("/statements"), Map.of("challengeId", challengeId,
                "speakerId", speaker, "kind", "REFLECTION")).status()).isEqualTo(201);
        HttpJson facilitator = services.queriesAs("rita.retry", "FACILITATOR:" + setId);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> contributions(facilitator).toString().contains("REFLECTION"));
        JsonNode recorded = contributions(facilitator);
        assertThat(recorded.findValuesAsText("statementKind")).as(recorded.toString())
                .containsExactly("ADVICE", "REFLECTION");
        assertThat(result).as("gave up once, then the second try was answered").containsKey("answer")
                .containsEntry("message", "The command service could not be reached, so this may or may not be "
                        + "recorded. Try again in a moment: trying the same again will not record it twice.");
        assertThat(((Number) result.get("waited")).longValue()).as("backed off over seconds")
                .isGreaterThanOrEqualTo(7_000);
    }

    private JsonNode contributions(HttpJson facilitator) {
        return facilitator.get("/api/sets/" + setId + "/meetings/open").body().path("meetings").get(0)
                .path("contributions");
    }

    private String meeting(String suffix) {
        return "/api/sets/" + setId + "/meetings/" + meetingId + suffix;
    }
}
