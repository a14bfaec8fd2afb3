package org.actionlearning.benchmark;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Latency of the sponsor dashboard and the fairness audit through the query API, one request at a time over random
 * programmes and sets, against the same numbers computed with SQL straight from the raw events.
 */
public final class DashboardLatency {

    /** The dashboard's counts and follow-through, and each member's contributions per meeting, from raw events. */
    static final String RAW_DASHBOARD = """
            with e as (select event_type, payload from raw_event where programme_id = ?),
            counts as (
                select count(*) filter (where event_type = 'SetFormed') as sets,
                       count(distinct payload ->> 'personId') filter (where event_type = 'MemberJoined') as members,
                       count(*) filter (where event_type = 'MeetingOpened') as meetings_held,
                       count(*) filter (where event_type = 'ChallengePresented') as challenges,
                       count(*) filter (where event_type = 'QuestionAsked') as questions,
                       count(*) filter (where event_type = 'StatementMade') as statements,
                       count(*) filter (where event_type = 'ActionCommitted') as committed,
                       count(*) filter (where event_type = 'ActionCompleted') as completed,
                       count(*) filter (where event_type = 'ActionAbandoned') as abandoned,
                       sum((payload ->> 'amount')::numeric) filter (where event_type = 'ProgrammeCostRecorded') as costs
                from e),
            participation as (
                select payload ->> 'meetingId' as meeting, coalesce(payload ->> 'askerId', payload ->> 'speakerId') as person,
                       count(*) filter (where event_type = 'QuestionAsked') as questions,
                       count(*) filter (where event_type = 'StatementMade' and payload ->> 'kind' = 'ADVICE') as advice,
                       count(*) as contributions
                from e where event_type in ('QuestionAsked', 'StatementMade') group by 1, 2)
            select c.*, (select count(*) from participation) as member_meetings,
                   (select sum(contributions) from participation) as contributions
            from counts c""";

    /** Per meeting, each attendee's questions, open questions, statements and advice, and who presented. */
    static final String RAW_FAIRNESS = """
            with e as (select event_type, payload from raw_event where set_id = ?),
            attendees as (
                select payload ->> 'meetingId' as meeting, jsonb_array_elements_text(payload -> 'attendees') as person
                from e where event_type = 'MeetingOpened'),
            said as (
                select payload ->> 'meetingId' as meeting, coalesce(payload ->> 'askerId', payload ->> 'speakerId') as person,
                       count(*) filter (where event_type = 'QuestionAsked') as questions,
                       count(*) filter (where payload ->> 'form' = 'OPEN') as open_questions,
                       count(*) filter (where event_type = 'StatementMade') as statements,
                       count(*) filter (where payload ->> 'kind' = 'ADVICE') as advice
                from e where event_type in ('QuestionAsked', 'StatementMade') group by 1, 2),
            presented as (
                select payload ->> 'meetingId' as meeting, payload ->> 'presenterId' as person, count(*) as presented
                from e where event_type = 'ChallengePresented' group by 1, 2)
            select a.meeting, a.person, coalesce(s.questions, 0), coalesce(s.open_questions, 0),
                   coalesce(s.statements, 0), coalesce(s.advice, 0), coalesce(p.presented, 0)
            from attendees a
            left join said s on s.meeting = a.meeting and s.person = a.person
            left join presented p on p.meeting = a.meeting and p.person = a.person
            order by a.meeting, a.person""";

    /** p50 and p99 of the API and of the raw-SQL baseline for one query. */
    public record Figures(String query, Latencies api, Latencies rawSql) {
    }

    private final BenchHttp http;
    private final SplittableRandom random = new SplittableRandom(7);

    public DashboardLatency(BenchHttp http) {
        this.http = http;
    }

    public static List<UUID> ids(Connection raw, String eventType) throws Exception {
        List<UUID> ids = new ArrayList<>();
        String column = "SetFormed".equals(eventType) ? "set_id" : "programme_id";
        try (ResultSet rows = raw.createStatement().executeQuery(
                "select " + column + " from raw_event where event_type = '" + eventType + "'")) {
            while (rows.next()) {
                ids.add(rows.getObject(1, UUID.class));
            }
        }
        return ids;
    }

    /** @param setContent the ids are sets whose confidential detail is asked for, as each set's facilitator */
    public Latencies api(String urlPattern, List<UUID> ids, int warmup, int requests, boolean setContent) {
        Latencies latencies = new Latencies();
        for (int i = 0; i < warmup + requests; i++) {
            UUID id = ids.get(random.nextInt(ids.size()));
            String url = urlPattern.formatted(id);
            long start = System.nanoTime();
            BenchHttp.Answer answer = setContent ? http.getAsFacilitator(url, id) : http.get(url);
            long took = System.nanoTime() - start;
            if (!answer.ok()) {
                throw new IllegalStateException(url + " answered " + answer.status() + ": " + answer.body());
            }
            if (i >= warmup) {
                latencies.add(took);
            }
        }
        return latencies;
    }

    public Latencies rawSql(Connection raw, String sql, List<UUID> ids, int warmup, int queries) throws Exception {
        Latencies latencies = new Latencies();
        try (PreparedStatement statement = raw.prepareStatement(sql)) {
            for (int i = 0; i < warmup + queries; i++) {
                statement.setObject(1, ids.get(random.nextInt(ids.size())));
                long start = System.nanoTime();
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        rows.getObject(1);
                    }
                }
                if (i >= warmup) {
                    latencies.add(System.nanoTime() - start);
                }
            }
        }
        return latencies;
    }
}
