package org.actionlearning.query.read.facilitation;

import static org.actionlearning.query.jooq.Tables.CHALLENGE;
import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
import static org.actionlearning.query.jooq.Tables.MEETING;
import static org.actionlearning.query.jooq.Tables.PROGRAMME;
import static org.actionlearning.query.jooq.Tables.SET_MEMBER;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.actionlearning.analytics.followthrough.FollowThrough;
import org.actionlearning.analytics.participation.PresenterRotation;
import org.actionlearning.analytics.safety.SafetyResponse;
import org.actionlearning.analytics.safety.SafetyScore;
import org.actionlearning.query.read.MinimumGroup;
import org.actionlearning.query.read.ParticipationReader;
import org.actionlearning.query.read.ParticipationReader.HeldMeetingFigures;
import org.actionlearning.query.read.PastView;
import org.actionlearning.query.read.ReportedMeetings;
import org.actionlearning.query.read.action.ActionReader;
import org.actionlearning.query.read.facilitation.OrganisationAggregate.MonthPoint;
import org.actionlearning.query.read.facilitation.OwnSets.MeetingPoint;
import org.actionlearning.query.read.facilitation.OwnSets.SetTrend;
import org.actionlearning.query.read.safety.SafetyQueries;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * How well sets are facilitated, for the facilitator's own development (their own sets) and, in aggregate only, for
 * the organisation's administrator: participation balance, question focus, presenter rotation, follow-through and
 * psychological safety, over time. Never a league table of named facilitators, and never for sponsors.
 */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
public class FacilitationQueries {

    private final DSLContext db;
    private final ParticipationReader participation;
    private final ActionReader actions;
    private final ReportedMeetings reportedMeetings;
    private final SafetyQueries safety;
    private final Clock clock;

    FacilitationQueries(DSLContext db, ParticipationReader participation, ActionReader actions,
                        ReportedMeetings reportedMeetings, SafetyQueries safety, Clock clock) {
        this.db = db;
        this.participation = participation;
        this.actions = actions;
        this.reportedMeetings = reportedMeetings;
        this.safety = safety;
        this.clock = clock;
    }

    /** Everything about some sets that the figures are made of. */
    private record SetData(UUID setId, String name, Double presenterRotation, List<HeldMeetingFigures> meetings,
                           Map<UUID, LocalDate> heldOn, FollowThrough followThrough,
                           Map<UUID, List<SafetyResponse>> responses) {
    }

    /** The facilitator's own sets, by name. */
    public OwnSets ofSets(Collection<UUID> setIds) {
        List<SetTrend> sets = new ArrayList<>();
        for (SetData set : load(setIds)) {
            List<MeetingPoint> points = new ArrayList<>();
            for (HeldMeetingFigures meeting : set.meetings()) {
                points.add(new MeetingPoint(meeting.meetingId(), set.heldOn().get(meeting.meetingId()),
                        meeting.attendees(), meeting.gini(), meeting.questionFocus(),
                        SafetyScore.ofMeeting(set.responses().getOrDefault(meeting.meetingId(), List.of()))
                                .safetyScore()));
            }
            SafetyScore score = SafetyScore.ofMeetings(List.copyOf(set.responses().values()));
            sets.add(new SetTrend(set.setId(), set.name(), set.presenterRotation(), set.followThrough().committed(),
                    set.followThrough().completionRate(), score.safetyScore(), score.respondents(), points));
        }
        return new OwnSets(sets);
    }

    /** The organisation's sets of three people or more, in aggregate; the others are named only by number. */
    public OrganisationAggregate ofOrganisation(String organisation) {
        List<UUID> programmes = db.select(PROGRAMME.PROGRAMME_ID).from(PROGRAMME)
                .where(PROGRAMME.ORGANISATION.eq(organisation)).fetch(PROGRAMME.PROGRAMME_ID);
        // the sets that held a meeting the organisation's figures count (three attendees or more, see
        // ReportedMeetings); the others are named only by number
        Set<UUID> reported = Set.copyOf(db.selectDistinct(MEETING.SET_ID).from(MEETING)
                .where(MEETING.PROGRAMME_ID.in(programmes)).and(ReportedMeetings.counted())
                .fetch(MEETING.SET_ID));
        List<SetData> sets = load(reported);
        List<HeldMeetingFigures> balanced = new ArrayList<>();
        Map<String, List<HeldMeetingFigures>> byMonth = new TreeMap<>();
        Map<String, List<List<SafetyResponse>>> safetyByMonth = new TreeMap<>();
        List<List<SafetyResponse>> allResponses = new ArrayList<>();
        List<org.actionlearning.analytics.followthrough.ActionRecord> allActions = new ArrayList<>();
        for (SetData set : sets) {
            for (HeldMeetingFigures meeting : set.meetings()) {
                String month = set.heldOn().get(meeting.meetingId()).toString().substring(0, 7);
                List<SafetyResponse> responses = set.responses().getOrDefault(meeting.meetingId(), List.of());
                safetyByMonth.computeIfAbsent(month, m -> new ArrayList<>()).add(responses);
                allResponses.add(responses);
                byMonth.computeIfAbsent(month, m -> new ArrayList<>());
                if (!MinimumGroup.tooSmall(meeting.attendees())) {
                    balanced.add(meeting);
                    byMonth.get(month).add(meeting);
                }
            }
        }
        for (UUID programme : programmes) {
            actions.followThroughOfProgramme(programme, PastView.EVERYTHING).stream().filter(a -> reported.contains(a.setId()))
                    .forEach(a -> allActions.add(a.record()));
        }
        FollowThrough followThrough = FollowThrough.asOf(allActions, today());
        List<MonthPoint> trend = new ArrayList<>();
        byMonth.forEach((month, meetings) -> trend.add(new MonthPoint(month, meetings.size(),
                mean(meetings, HeldMeetingFigures::gini), mean(meetings, HeldMeetingFigures::questionFocus),
                SafetyScore.ofMeetings(safetyByMonth.getOrDefault(month, List.of())).safetyScore())));
        SafetyScore score = SafetyScore.ofMeetings(allResponses);
        // always the same note, never how many: a count of small meetings would itself tell about them
        List<MinimumGroup.Withheld> withheld = List.of(MinimumGroup.smallMeetingsLeftOut());
        return new OrganisationAggregate(organisation, sets.size(),
                mean(balanced, HeldMeetingFigures::gini), mean(balanced, HeldMeetingFigures::questionFocus),
                sets.stream().map(SetData::presenterRotation).filter(Objects::nonNull)
                        .mapToDouble(Double::doubleValue).average().stream().boxed().findFirst().orElse(null),
                followThrough.committed(), followThrough.completionRate(), score.safetyScore(), score.respondents(),
                trend, withheld);
    }

    private List<SetData> load(Collection<UUID> setIds) {
        if (setIds.isEmpty()) {
            return List.of();
        }
        var rows = db.select(LEARNING_SET.SET_ID, LEARNING_SET.NAME, LEARNING_SET.PROGRAMME_ID).from(LEARNING_SET)
                .where(LEARNING_SET.SET_ID.in(setIds)).orderBy(LEARNING_SET.NAME, LEARNING_SET.SET_ID).fetch();
        Map<UUID, List<HeldMeetingFigures>> figures = new HashMap<>();
        Map<UUID, List<org.actionlearning.analytics.followthrough.ActionRecord>> actionsBySet = new HashMap<>();
        for (UUID programme : rows.stream().map(r -> r.value3()).distinct().toList()) {
            participation.figuresOfProgramme(programme, PastView.EVERYTHING).forEach(f ->
                    figures.computeIfAbsent(f.setId(), s -> new ArrayList<>()).add(f));
            actions.followThroughOfProgramme(programme, PastView.EVERYTHING).forEach(a ->
                    actionsBySet.computeIfAbsent(a.setId(), s -> new ArrayList<>()).add(a.record()));
        }
        Map<UUID, LocalDate> heldOn = new HashMap<>();
        db.select(MEETING.MEETING_ID, MEETING.OPENED_ON).from(MEETING)
                .where(MEETING.SET_ID.in(setIds)).and(MEETING.OPENED_ON.isNotNull())
                .forEach(r -> heldOn.put(r.value1(), r.value2()));
        Map<UUID, Map<UUID, List<SafetyResponse>>> responses = safety.responsesOfSets(setIds);
        List<SetData> sets = new ArrayList<>();
        for (var row : rows) {
            UUID setId = row.value1();
            List<UUID> members = db.select(SET_MEMBER.PERSON_ID).from(SET_MEMBER)
                    .where(SET_MEMBER.SET_ID.eq(setId)).and(SET_MEMBER.ACTIVE.isTrue()).fetch(SET_MEMBER.PERSON_ID);
            List<UUID> presenters = db.select(CHALLENGE.PRESENTER_ID).from(CHALLENGE)
                    .join(MEETING).on(MEETING.MEETING_ID.eq(CHALLENGE.MEETING_ID))
                    .where(CHALLENGE.SET_ID.eq(setId)).and(MEETING.STATUS.ne("DISCARDED"))
                    .fetch(CHALLENGE.PRESENTER_ID);
            List<HeldMeetingFigures> meetings = figures.getOrDefault(setId, List.of()).stream()
                    .filter(m -> heldOn.containsKey(m.meetingId()))
                    .sorted(java.util.Comparator.comparing((HeldMeetingFigures m) -> heldOn.get(m.meetingId()))
                            .thenComparing(HeldMeetingFigures::meetingId))
                    .toList();
            sets.add(new SetData(setId, row.value2(), PresenterRotation.of(members, presenters), meetings, heldOn,
                    FollowThrough.asOf(actionsBySet.getOrDefault(setId, List.of()), today()),
                    responses.getOrDefault(setId, Map.of())));
        }
        return sets;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private static Double mean(List<HeldMeetingFigures> meetings, Function<HeldMeetingFigures, Double> figure) {
        return meetings.stream().map(figure).filter(Objects::nonNull).mapToDouble(Double::doubleValue).average()
                .stream().boxed().findFirst().orElse(null);
    }

    /** The organisations whose aggregates a caller with these ADMIN scopes may see ("*": all). */
    public List<String> organisations(Collection<String> adminScopes) {
        List<String> all = db.selectDistinct(PROGRAMME.ORGANISATION).from(PROGRAMME).orderBy(PROGRAMME.ORGANISATION)
                .fetch(PROGRAMME.ORGANISATION);
        return adminScopes.contains("*") ? all : all.stream().filter(adminScopes::contains)
                .collect(Collectors.toList());
    }
}
