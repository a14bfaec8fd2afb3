package org.actionlearning.query.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.actionlearning.query.QueryServiceApplication;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestIdentity;
import org.actionlearning.testsupport.TestTokens;
import org.jooq.DSLContext;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * For random programmes of sets of 1 to 8 people with random meetings, counts and actions: nothing the sponsor can
 * read (dashboard, set breakdown, action list) changes when only the activity of a set of fewer than 3 people
 * changes. If a total still counted a small set, some programme would show it; if a row or a list did, likewise.
 * jqwik runs outside Spring's test support, so the query service is started here, on a database of its own.
 */
class SmallSetActivityPropertyTest {

    private static final LocalDate START = LocalDate.parse("2026-01-05");
    private static final List<String> STATUSES = List.of("OPEN", "COMPLETED", "ABANDONED");

    private static ConfigurableApplicationContext service;
    private static DSLContext db;
    private static String baseUrl;

    @BeforeContainer
    static void startTheQueryService() {
        Map<String, Object> properties = new LinkedHashMap<>();
        EmbeddedInfrastructure.useDatabase((name, value) -> properties.put(name, value.get()),
                EmbeddedInfrastructure.newDatabase("query_floor"));
        List<String> args = new ArrayList<>(List.of("--als.projection.enabled=false",
                "--als.security.jwt-secret=" + TestIdentity.JWT_SECRET, "--server.port=0"));
        properties.forEach((name, value) -> args.add("--" + name + "=" + value));
        service = new SpringApplicationBuilder(QueryServiceApplication.class)
                .properties(QueryServiceApplication.CONFIG_NAME).run(args.toArray(String[]::new));
        db = service.getBean(DSLContext.class);
        baseUrl = "http://localhost:" + ((WebServerApplicationContext) service).getWebServer().getPort();
    }

    @AfterContainer
    static void stopTheQueryService() {
        if (service != null) {
            service.close();
        }
    }

    @Property(tries = 25)
    void whatTheSponsorReadsDoesNotDependOnASmallSetsActivity(
            @ForAll @Size(max = 3) List<@IntRange(min = 1, max = 8) Integer> otherSets,
            @ForAll @IntRange(min = 1, max = 2) int smallSet,
            @ForAll @IntRange(min = 0, max = 2) int smallSetPosition,
            @ForAll long seed) {
        Random random = new Random(seed);
        ProgrammeRows rows = new ProgrammeRows(db, "Random programme");
        List<Integer> sizes = new ArrayList<>(otherSets);
        int position = Math.min(smallSetPosition, sizes.size());
        sizes.add(position, smallSet);
        List<UUID> sets = new ArrayList<>();
        List<List<UUID>> people = new ArrayList<>();
        for (int i = 0; i < sizes.size(); i++) {
            List<UUID> members = IntStream.range(0, sizes.get(i)).mapToObj(n -> UUID.randomUUID()).toList();
            people.add(members);
            sets.add(rows.set("Set " + i, members));
            activity(rows, sets.get(i), members, random);
        }
        HttpJson sponsor = new HttpJson(baseUrl).withToken(TestTokens.token("sponsor", null,
                "SPONSOR:" + rows.programme));
        List<JsonNode> before = sponsorsView(sponsor, rows.programme);

        rows.forgetActivityOf(sets.get(position));
        activity(rows, sets.get(position), people.get(position), random);

        assertThat(sponsorsView(sponsor, rows.programme)).isEqualTo(before);
    }

    /** Random meetings with random attendees and counts, and random actions. */
    private static void activity(ProgrammeRows rows, UUID setId, List<UUID> members, Random random) {
        int meetings = random.nextInt(4);
        for (int m = 0; m < meetings; m++) {
            LocalDate openedOn = START.plusDays(random.nextInt(90));
            List<UUID> attendees = members.stream().filter(p -> random.nextInt(4) > 0).toList();
            UUID meetingId = rows.meeting(setId, openedOn, attendees);
            for (UUID attendee : attendees) {
                int questions = random.nextInt(5);
                int statements = random.nextInt(4);
                rows.participation(meetingId, setId, attendee, questions, random.nextInt(questions + 1), statements,
                        random.nextInt(statements + 1), random.nextInt(2));
            }
            int actions = random.nextInt(3);
            for (int a = 0; a < actions && !attendees.isEmpty(); a++) {
                String status = STATUSES.get(random.nextInt(STATUSES.size()));
                rows.action(setId, meetingId, attendees.get(random.nextInt(attendees.size())), openedOn,
                        openedOn.plusDays(1 + random.nextInt(40)), status, openedOn.plusDays(random.nextInt(50)));
            }
        }
    }

    private static List<JsonNode> sponsorsView(HttpJson sponsor, UUID programme) {
        return List.of(ok(sponsor, "/api/programmes/" + programme + "/dashboard?asOf=2026-03-15"),
                ok(sponsor, "/api/programmes/" + programme + "/sets?asOf=2026-03-15"),
                ok(sponsor, "/api/programmes/" + programme + "/actions?asOf=2026-03-15"));
    }

    private static JsonNode ok(HttpJson client, String path) {
        HttpJson.Response response = client.get(path);
        assertThat(response.status()).as("GET %s: %s", path, response.raw()).isEqualTo(200);
        return response.body();
    }
}
