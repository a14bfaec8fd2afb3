package org.actionlearning.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.launcher.BothServices;
import org.actionlearning.launcher.SharedServices;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/** Names and texts with markup, accepted by the API, are shown escaped on every page, never run. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedServices.class)
class MarkupEscapingTest {

    private static final String SCRIPT = "<script>alert('owned')</script>";
    private static final String IMAGE = "<img src=x onerror=alert(1)>";
    private BothServices services;
    private UUID programmeId;
    private UUID setId;
    private HttpJson reader;

    @BeforeAll
    void recordHostileNames(BothServices services) {
        this.services = services;
        HttpJson cmd = services.commands;
        programmeId = cmd.post("/api/programmes", Map.of("organisation", IMAGE, "name", "Programme " + SCRIPT,
                "sponsor", SCRIPT, "startsOn", "2026-01-05", "currency", "GBP")).id("programmeId");
        setId = cmd.post("/api/sets", Map.of("programmeId", programmeId, "name", "Set " + IMAGE,
                "facilitatorName", SCRIPT)).id("setId");
        UUID member = cmd.post("/api/sets/" + setId + "/members", Map.of("displayName", SCRIPT)).id("personId");
        UUID meeting = cmd.post("/api/sets/" + setId + "/meetings", Map.of("scheduledFor", "2026-02-02")).id("meetingId");
        cmd.post("/api/sets/" + setId + "/meetings/" + meeting + "/open", Map.of("attendees", List.of(member)));
        cmd.post("/api/outcomes", Map.of("programmeId", programmeId, "name", "Metric " + SCRIPT, "unit", IMAGE,
                "direction", "DECREASE", "period", "WEEK", "valuePerUnit", 1));
        // an administrator of the organisation who facilitates the set sees every page
        reader = services.queriesAs("markup-reader", "ADMIN:" + IMAGE, "FACILITATOR:" + setId);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                reader.get("/api/sets/" + setId + "/fairness").body().path("meetings").size() == 1);
    }

    @Test
    void everyPageShowsMarkupAsText() {
        for (String page : List.of("/", "/programmes/" + programmeId, "/sets/" + setId + "/fairness",
                "/programmes/" + programmeId + "/roi", "/sets/" + setId + "/console")) {
            HttpJson.Response response = reader.send("GET", page, null, Map.of("Accept", "text/html"));
            assertThat(response.status()).as(page).isEqualTo(200);
            assertThat(response.raw()).as(page).doesNotContain(SCRIPT).doesNotContain(IMAGE)
                    .doesNotContain("<script>alert");
        }
        assertThat(reader.send("GET", "/", null, Map.of("Accept", "text/html")).raw())
                .contains("&lt;script&gt;alert(&#39;owned&#39;)&lt;/script&gt;");
    }
}
