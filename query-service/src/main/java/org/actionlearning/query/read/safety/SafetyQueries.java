package org.actionlearning.query.read.safety;

import org.actionlearning.query.read.PastView;
import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
import static org.actionlearning.query.jooq.Tables.MEETING;
import static org.actionlearning.query.jooq.Tables.PULSE_ANSWER;
import static org.actionlearning.query.jooq.Tables.PULSE_CONTRIBUTION;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.analytics.safety.Aggregation;
import org.actionlearning.analytics.safety.ReactionResponse;
import org.actionlearning.analytics.safety.ReactionScore;
import org.actionlearning.analytics.safety.SafetyResponse;
import org.actionlearning.analytics.safety.SafetyScore;
import org.actionlearning.query.jooq.tables.records.PulseContributionRecord;
import org.actionlearning.query.personaldata.PersonalDataClient;
import org.actionlearning.query.personaldata.Revealed;
import org.actionlearning.query.read.MinimumGroup;
import org.actionlearning.query.read.ReadSnapshot;
import org.actionlearning.query.read.UnknownResource;
import org.actionlearning.query.read.safety.SetSafety.MeetingSafety;
import org.actionlearning.query.read.safety.SetSafety.Reaction;
import org.actionlearning.service.pulse.PulseWindow;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/**
 * The pulse aggregates of a set or a programme, read from the unlinked contributions only: no read here can reach a
 * single person's answers, and every figure follows the fewer-than-three rule of {@link Aggregation}. Only the
 * meetings whose pulse window has closed and that were not discarded count: a reader sees each meeting's aggregate
 * once, final, never one response at a time.
 */
@Service
public class SafetyQueries {

    private final DSLContext db;
    private final ReadSnapshot snapshot;
    private final PersonalDataClient vault;
    private final PulseWindow window;
    private final ObjectMapper json = new ObjectMapper();

    SafetyQueries(DSLContext db, ReadSnapshot snapshot, PersonalDataClient vault, PulseWindow window) {
        this.db = db;
        this.window = window;
        this.snapshot = snapshot;
        this.vault = vault;
    }

    /** The date a meeting of the set was opened; 404 for a meeting not of the set or not opened. */
    public LocalDate heldOn(UUID setId, UUID meetingId) {
        return db.select(MEETING.OPENED_ON).from(MEETING).where(MEETING.MEETING_ID.eq(meetingId))
                .and(MEETING.SET_ID.eq(setId)).and(MEETING.OPENED_ON.isNotNull()).fetchOptional(MEETING.OPENED_ON)
                .orElseThrow(() -> new UnknownResource("meetingId", "opened meeting", meetingId));
    }

    public OwnPulse own(UUID setId, UUID meetingId, UUID personId) {
        var row = db.select(PULSE_ANSWER.ANSWERS).from(PULSE_ANSWER)
                .where(PULSE_ANSWER.MEETING_ID.eq(meetingId)).and(PULSE_ANSWER.PERSON_ID.eq(personId))
                .and(PULSE_ANSWER.SET_ID.eq(setId)).fetchOptional();
        if (row.isEmpty()) {
            throw new UnknownResource("meetingId", "pulse answer of yours for meeting", meetingId);
        }
        String stored = row.get().value1();
        Revealed revealed = stored == null ? Revealed.NOTHING : vault.reveal(List.of(stored));
        String text = revealed.text(stored);
        if (text == null) {
            return new OwnPulse(meetingId, null, null, null, null, stored == null || revealed.erased(stored),
                    revealed.isUnavailable(stored));
        }
        try {
            JsonNode answers = json.readTree(text);
            List<Integer> items = new ArrayList<>();
            answers.path("items").forEach(item -> items.add(item.asInt()));
            return new OwnPulse(meetingId, items, number(answers, "usefulness"), number(answers, "confidence"),
                    number(answers, "commitment"), false, false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sealed pulse answers are not readable", e);
        }
    }

    private static Integer number(JsonNode answers, String name) {
        JsonNode value = answers.get(name);
        return value == null || value.isNull() ? null : value.asInt();
    }

    /** One opened meeting and the responses given about it. */
    record PulsedMeeting(UUID meetingId, LocalDate heldOn, List<SafetyResponse> safety,
                         List<ReactionResponse> reaction) {
    }

    public SetSafety ofSet(UUID setId) {
        return ofSet(setId, PastView.EVERYTHING);
    }

    /** The set's figures in the view: over the meetings whose pulse window had closed in it (see {@link #counted}). */
    public SetSafety ofSet(UUID setId, PastView view) {
        List<PulsedMeeting> meetings = snapshot.read(() -> {
            if (!db.fetchExists(LEARNING_SET, LEARNING_SET.SET_ID.eq(setId))) {
                throw new UnknownResource("setId", "learning set", setId);
            }
            return meetings(MEETING.SET_ID.eq(setId), PULSE_CONTRIBUTION.SET_ID.eq(setId), view);
        });
        List<MeetingSafety> shown = new ArrayList<>();
        List<MinimumGroup.Withheld> withheld = new ArrayList<>();
        for (PulsedMeeting meeting : meetings) {
            SafetyScore score = SafetyScore.ofMeeting(meeting.safety());
            shown.add(new MeetingSafety(meeting.meetingId(), meeting.heldOn(), score.safetyScore(),
                    score.respondents(), score.itemMeans(), reaction(ReactionScore.ofMeeting(meeting.reaction()))));
            if (score.withheld() != null && !meeting.safety().isEmpty()) {
                withheld.add(new MinimumGroup.Withheld("meeting " + meeting.meetingId(), score.withheld()));
            }
        }
        SafetyScore set = SafetyScore.ofMeetings(meetings.stream().map(PulsedMeeting::safety).toList());
        if (set.withheld() != null) {
            withheld.add(new MinimumGroup.Withheld("set", set.withheld()));
        }
        return new SetSafety(setId, set.safetyScore(), set.respondents(), set.itemMeans(),
                reaction(ReactionScore.ofMeetings(meetings.stream().map(PulsedMeeting::reaction).toList())),
                shown, withheld);
    }

    /** The programme's safety over the responses of its meetings that are shown. */
    public SetSafety.Summary ofProgramme(UUID programmeId) {
        return ofProgramme(programmeId, PastView.EVERYTHING);
    }

    public SetSafety.Summary ofProgramme(UUID programmeId, PastView view) {
        SafetyScore score = SafetyScore.ofMeetings(programmeMeetings(programmeId, view).stream()
                .map(PulsedMeeting::safety).toList());
        return new SetSafety.Summary(score.safetyScore(), score.respondents());
    }

    /** The programme's reaction means (Kirkpatrick level 1 and 2), pooled like its safety. */
    public Reaction reactionOfProgramme(UUID programmeId, PastView view) {
        return reaction(ReactionScore.ofMeetings(programmeMeetings(programmeId, view).stream()
                .map(PulsedMeeting::reaction).toList()));
    }

    private List<PulsedMeeting> programmeMeetings(UUID programmeId, PastView view) {
        return snapshot.read(() -> meetings(MEETING.PROGRAMME_ID.eq(programmeId),
                PULSE_CONTRIBUTION.PROGRAMME_ID.eq(programmeId), view));
    }

    /** Per set, per meeting: the safety responses (unlinked contributions only). */
    public Map<UUID, Map<UUID, List<SafetyResponse>>> responsesOfSets(java.util.Collection<UUID> setIds) {
        Map<UUID, Map<UUID, List<SafetyResponse>>> bySet = new LinkedHashMap<>();
        for (PulseContributionRecord row : db.selectFrom(PULSE_CONTRIBUTION)
                .where(PULSE_CONTRIBUTION.SET_ID.in(setIds))
                .and(PULSE_CONTRIBUTION.MEETING_ID.in(DSL.select(MEETING.MEETING_ID).from(MEETING)
                        .where(MEETING.SET_ID.in(setIds)).and(counted(PastView.EVERYTHING))))
                .fetch()) {
            bySet.computeIfAbsent(row.getSetId(), s -> new LinkedHashMap<>())
                    .computeIfAbsent(row.getMeetingId(), m -> new ArrayList<>())
                    .add(new SafetyResponse(Arrays.stream(row.getItems()).map(Short::intValue).toList()));
        }
        return bySet;
    }

    /** The opened meetings in date order, each with its responses; a meeting's figures need its own responses. */
    private List<PulsedMeeting> meetings(Condition meetingsWhere, Condition contributionsWhere, PastView view) {
        Map<UUID, LocalDate> opened = new LinkedHashMap<>();
        db.select(MEETING.MEETING_ID, MEETING.OPENED_ON).from(MEETING)
                .where(meetingsWhere).and(counted(view))
                .orderBy(MEETING.OPENED_ON, MEETING.MEETING_ID)
                .forEach(r -> opened.put(r.value1(), r.value2()));
        Map<UUID, List<PulseContributionRecord>> byMeeting = new LinkedHashMap<>();
        for (PulseContributionRecord row : db.selectFrom(PULSE_CONTRIBUTION).where(contributionsWhere).fetch()) {
            byMeeting.computeIfAbsent(row.getMeetingId(), m -> new ArrayList<>()).add(row);
        }
        List<PulsedMeeting> meetings = new ArrayList<>();
        opened.forEach((meetingId, heldOn) -> {
            List<PulseContributionRecord> rows = byMeeting.getOrDefault(meetingId, List.of());
            meetings.add(new PulsedMeeting(meetingId, heldOn,
                    rows.stream().map(r -> new SafetyResponse(Arrays.stream(r.getItems()).map(Short::intValue)
                            .toList())).toList(),
                    rows.stream().map(r -> new ReactionResponse(integer(r.getUsefulness()),
                            integer(r.getConfidence()), integer(r.getCommitment()))).toList()));
        });
        return meetings;
    }

    /**
     * Opened, not discarded, and its pulse window closed in the view: by today, by the view's date and by the day of
     * its instant. A response carries no date of its own, and none is accepted once the window has closed, so a
     * meeting's responses are all in (and final) from that day: as of a date or an instant they are either all
     * counted or none, and no view holds a partial aggregate that could be subtracted from another.
     */
    private Condition counted(PastView view) {
        LocalDate day = window.today();
        if (view.asOf().isBefore(day)) {
            day = view.asOf();
        }
        if (view.recordedBy() != null) {
            LocalDate recordedOn = LocalDate.ofInstant(view.recordedBy(), java.time.ZoneOffset.UTC);
            day = recordedOn.isBefore(day) ? recordedOn : day;
        }
        return MEETING.OPENED_ON.isNotNull().and(MEETING.OPENED_ON.lt(window.openedBefore(day)))
                .and(view.known(MEETING.OPENED_AT)).and(MEETING.STATUS.ne("DISCARDED"));
    }

    private static Reaction reaction(ReactionScore score) {
        return new Reaction(score.usefulness(), score.confidence(), score.commitment(), score.respondents());
    }

    private static Integer integer(Short value) {
        return value == null ? null : value.intValue();
    }
}
