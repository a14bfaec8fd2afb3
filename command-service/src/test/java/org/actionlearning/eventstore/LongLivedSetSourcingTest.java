package org.actionlearning.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.actionlearning.command.learningset.SetCommands.AddMember;
import org.actionlearning.command.learningset.SetCommands.AskQuestion;
import org.actionlearning.command.learningset.SetCommands.FormSet;
import org.actionlearning.command.learningset.SetCommands.OpenMeeting;
import org.actionlearning.command.learningset.SetCommands.PresentChallenge;
import org.actionlearning.command.learningset.SetCommands.ScheduleMeeting;
import org.actionlearning.command.programme.ProgrammeCommands.LaunchProgramme;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.events.learningset.QuestionForm;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * A command on a set with 2,000 past events does not replay them: counted by the events the store hands out to
 * rebuild the aggregate, with a cold cache (snapshot plus the events after it) and a warm one (nothing).
 */
class LongLivedSetSourcingTest extends CommandServiceTest {

    private static final int PAST_EVENTS = 2_000;

    @Autowired
    CommandGateway gateway;
    @Autowired
    MeterRegistry registry;
    @Autowired
    @Qualifier("learningSetCache")
    Cache learningSetCache;
    @Autowired
    EventStoreProperties properties;

    @Test
    void aCommandOnASetWithTwoThousandPastEventsReadsOnlyTheEventsAfterItsLatestSnapshot() {
        UUID programmeId = UUID.randomUUID();
        UUID setId = UUID.randomUUID();
        UUID meetingId = UUID.randomUUID();
        UUID challengeId = UUID.randomUUID();
        List<UUID> members = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        gateway.sendAndWait(new LaunchProgramme(programmeId, "Org", "Long", "Sponsor", LocalDate.of(2026, 1, 5), "GBP"));
        gateway.sendAndWait(new FormSet(programmeId, setId, "Long-lived set", UUID.randomUUID(), "Fran"));
        members.forEach(m -> gateway.sendAndWait(new AddMember(setId, m, "Member", null)));
        gateway.sendAndWait(new ScheduleMeeting(setId, meetingId, LocalDate.of(2026, 2, 2)));
        gateway.sendAndWait(new OpenMeeting(setId, meetingId, members, null));
        gateway.sendAndWait(new PresentChallenge(setId, meetingId, challengeId, members.get(0), "Title", null));
        int setupEvents = 1 + members.size() + 3;
        for (int i = setupEvents; i < PAST_EVENTS; i++) {
            gateway.sendAndWait(question(setId, meetingId, challengeId, members.get(1 + i % 2)));
        }
        assertThat(jdbc.queryForObject("select count(*) from domainevententry where aggregateidentifier = ?",
                Long.class, setId.toString())).isEqualTo(PAST_EVENTS);

        // cold cache, as after a restart: the latest snapshot and the events after it, not the whole history
        learningSetCache.removeAll();
        double sourcedBefore = sourcedEvents();
        double snapshotsBefore = snapshotsRead();
        gateway.sendAndWait(question(setId, meetingId, challengeId, members.get(1)));
        double readCold = sourcedEvents() - sourcedBefore;
        assertThat(snapshotsRead() - snapshotsBefore).isEqualTo(1.0);
        assertThat(readCold).as("events replayed with a cold cache").isLessThan(properties.snapshotThreshold());

        // warm cache: nothing is read at all
        double warmBefore = sourcedEvents();
        gateway.sendAndWait(question(setId, meetingId, challengeId, members.get(2)));
        assertThat(sourcedEvents() - warmBefore).as("events replayed with a warm cache").isZero();
    }

    private static AskQuestion question(UUID setId, UUID meetingId, UUID challengeId, UUID asker) {
        return new AskQuestion(setId, meetingId, UUID.randomUUID(), challengeId, asker, QuestionForm.OPEN, "Why?", 5);
    }

    private double sourcedEvents() {
        return registry.get("als.eventstore.sourced.events").counter().count();
    }

    private double snapshotsRead() {
        return registry.get("als.eventstore.snapshots.read").counter().count();
    }
}
