package org.actionlearning.command.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.LongStream;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.command.support.Scenario;
import org.actionlearning.command.web.IdempotencyFilter;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.HttpJson.Response;
import org.actionlearning.testsupport.TopicReader;
import org.actionlearning.testsupport.TopicReader.Received;
import org.junit.jupiter.api.Test;

/**
 * Many threads ask questions in one open meeting, each request with its own Idempotency-Key (so the key's
 * transaction wraps the command's): the set's events must become visible in sequence order. A reader polling
 * the store while they run never sees a later sequence number of the set without every earlier one (what the
 * relay reads, and what the projection relies on), and the topic carries them in sequence order.
 * <p>
 * Committing takes a few milliseconds on a loaded disk; a deferred trigger stands in for that here (a random
 * pause of up to 4 ms at the commit of each keyed request), so that a reordering shows every run instead of
 * now and then.
 */
class KeyedCommandsCommitInSequenceTest extends CommandServiceTest {

    private static final int THREADS = 8;
    private static final int QUESTIONS_EACH = 20;

    @Test
    void eventsOfOneSetSentWithDistinctKeysBecomeVisibleInSequenceOrder() throws Exception {
        Scenario scenario = new Scenario(http);
        UUID programmeId = scenario.launchProgramme("Keyed questions");
        UUID setId = scenario.formSet(programmeId, "Busy set");
        List<UUID> members = scenario.addMembers(setId, 3);
        UUID meetingId = scenario.scheduleMeeting(setId, "2026-03-02");
        scenario.openMeeting(setId, meetingId, members);
        UUID challengeId = scenario.present(setId, meetingId, members.get(0), "Busy wards");
        long before = eventsOf(setId);

        ConcurrentLinkedQueue<String> gaps = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        slowCommits(true);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
        try {
            Future<?> reader = pool.submit(() -> {
                while (running.get()) {
                    List<Long> visible = jdbc.queryForList("select sequencenumber from domainevententry"
                            + " where aggregateidentifier = ? order by sequencenumber", Long.class, setId.toString());
                    for (int i = 0; i < visible.size(); i++) {
                        if (visible.get(i) != i) {
                            gaps.add("sequence " + visible.get(i) + " visible without " + i);
                            break;
                        }
                    }
                }
            });
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<Integer>>> askers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                UUID asker = members.get(1 + t % 2);
                askers.add(pool.submit(() -> {
                    start.await();
                    List<Integer> statuses = new ArrayList<>();
                    for (int q = 0; q < QUESTIONS_EACH; q++) {
                        Response asked = http.post(Scenario.meeting(setId, meetingId) + "/questions",
                                Map.of("challengeId", challengeId, "askerId", asker, "form", "OPEN"),
                                Map.of(IdempotencyFilter.HEADER, UUID.randomUUID().toString()));
                        statuses.add(asked.status());
                    }
                    return statuses;
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<List<Integer>> asker : askers) {
                statuses.addAll(asker.get(120, TimeUnit.SECONDS));
            }
            running.set(false);
            reader.get(10, TimeUnit.SECONDS);

            int sent = THREADS * QUESTIONS_EACH;
            assertThat(statuses).hasSize(sent).containsOnly(201);
            assertThat(eventsOf(setId) - before).isEqualTo(sent);
            assertThat(gaps).as("a later event of the set was visible before an earlier one").isEmpty();
        } finally {
            running.set(false);
            pool.shutdownNow();
            slowCommits(false);
        }

        long total = eventsOf(setId);
        List<Received> published = TopicReader.readUntil(EmbeddedInfrastructure.kafkaBootstrapServers(), TOPIC,
                Duration.ofSeconds(30), read -> ofSet(read, setId).size() >= total);
        assertThat(ofSet(published, setId)).as("the set's events on the topic, in the order published")
                .containsExactlyElementsOf(LongStream.range(0, total).boxed().toList());
    }

    private static List<Long> ofSet(List<Received> records, UUID setId) {
        return records.stream().filter(r -> r.envelope().aggregateId().equals(setId.toString()))
                .map(r -> r.envelope().sequenceNumber()).toList();
    }

    private long eventsOf(UUID aggregateId) {
        return jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?", Long.class,
                aggregateId.toString());
    }

    /** A random pause of up to 4 ms when a keyed request's transaction commits (a deferred trigger fires then). */
    private void slowCommits(boolean on) {
        jdbc.execute("drop trigger if exists test_slow_commit on idempotency_key");
        if (on) {
            jdbc.execute("create or replace function test_slow_commit() returns trigger language plpgsql as"
                    + " $$ begin perform pg_sleep(random() * 0.004); return null; end $$");
            jdbc.execute("create constraint trigger test_slow_commit after update on idempotency_key"
                    + " deferrable initially deferred for each row execute function test_slow_commit()");
        }
    }
}
