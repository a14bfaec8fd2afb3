package org.actionlearning.query.web;

import static org.actionlearning.query.jooq.Tables.ACTION_ITEM;
import static org.actionlearning.query.jooq.Tables.ATTRIBUTION_ESTIMATE;
import static org.actionlearning.query.jooq.Tables.CHALLENGE;
import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
import static org.actionlearning.query.jooq.Tables.MEETING;
import static org.actionlearning.query.jooq.Tables.MEETING_ACTIVITY;
import static org.actionlearning.query.jooq.Tables.MEETING_ATTENDEE;
import static org.actionlearning.query.jooq.Tables.MEMBER_PARTICIPATION;
import static org.actionlearning.query.jooq.Tables.OUTCOME_METRIC;
import static org.actionlearning.query.jooq.Tables.OUTCOME_PHASE;
import static org.actionlearning.query.jooq.Tables.OUTCOME_POINT;
import static org.actionlearning.query.jooq.Tables.PROGRAMME;
import static org.actionlearning.query.jooq.Tables.PROGRAMME_COST;
import static org.actionlearning.query.jooq.Tables.SET_MEMBER;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.commons.math3.distribution.TDistribution;
import org.jooq.DSLContext;

/**
 * A small programme written straight into the read models, as the projections would have written it, whose
 * numbers the tests compute by hand; and an empty programme beside it.
 *
 * <pre>
 * Programme "Leading Change" (GBP)
 *   Set Alpha: Ann, Ben, Cat active; Dan has left
 *     M1 opened 2026-02-02, attendees Ann Ben Cat: Ann presented; Ben 2 questions (2 open) + 1 ADVICE statement;
 *        Cat 1 closed question                                   contributions Ann 0, Ben 3, Cat 1
 *     M2 scheduled 2026-03-01, opened 2026-03-02, attendees Ann Ben Cat Dan: Ben and Dan presented;
 *        Ann 2 questions (1 open), Cat 2 (1 open), Dan 2 (0 open) contributions Ann 2, Ben 0, Cat 2, Dan 2
 *     M3 scheduled 2026-04-06, not opened
 *   Set Beta: Ann, Eve active
 *     M4 opened 2026-02-10, attendees Ann Eve: Eve presented; Ann 2 statements (1 ADVICE)   Ann 2, Eve 0
 *     M5 opened 2026-03-10, attendees Ann Eve: nobody said anything                        Ann 0, Eve 0
 *   Actions: X1 Ann  committed 02-02 due 02-20 completed 02-16
 *            X2 Ben  committed 03-02 due 03-20 completed 03-25
 *            X3 Dan  committed 03-02 due 03-30 open
 *            X4 Eve  committed 02-10 due 04-01 open
 *            X5 Eve  committed 02-10 due 03-01 abandoned 02-20
 *   Costs: FACILITATION 6000 + 2500.5, VENUE 1500, PARTICIPANT_TIME 4000
 *   Metrics: O1 Discharge delays (hours, DECREASE, WEEK, 50/unit, target 15% in 90 days)
 *              baseline 100 110 90 (01-05, 01-12, 01-19); follow-ups 98 95 92 88 85 84 (02-02 .. 04-13, fortnightly)
 *              estimates 80% x 50%, 60% x 100%, 50% x 100% (mean 0.5); run chart rebased from 03-01
 *            O2 Staff engagement (score, INCREASE, MONTH, intangible): baseline 60 (01-31), follow-up 66 (03-31)
 *            O3 Agency shifts (shifts, DECREASE, MONTH, 300/unit, target 10% in 60 days):
 *              baseline 40 (01-31) 44 (02-28); follow-up 45 (03-31)
 *            O4 Team confidence (rating, INCREASE, QUARTER, intangible): no points
 * Programme "Quiet Programme" (EUR): nothing else.
 * </pre>
 */
final class ProgrammeScenario {

    final UUID programme = UUID.randomUUID();
    final UUID emptyProgramme = UUID.randomUUID();
    final UUID alpha = UUID.randomUUID();
    final UUID beta = UUID.randomUUID();
    final UUID ann = UUID.randomUUID();
    final UUID ben = UUID.randomUUID();
    final UUID cat = UUID.randomUUID();
    final UUID dan = UUID.randomUUID();
    final UUID eve = UUID.randomUUID();
    final UUID m1 = UUID.randomUUID();
    final UUID m2 = UUID.randomUUID();
    final UUID m3 = UUID.randomUUID();
    final UUID m4 = UUID.randomUUID();
    final UUID m5 = UUID.randomUUID();
    final UUID x1 = UUID.randomUUID();
    final UUID x2 = UUID.randomUUID();
    final UUID x3 = UUID.randomUUID();
    final UUID x4 = UUID.randomUUID();
    final UUID x5 = UUID.randomUUID();
    final UUID delays = UUID.randomUUID();
    final UUID engagement = UUID.randomUUID();
    final UUID agencyShifts = UUID.randomUUID();
    final UUID confidence = UUID.randomUUID();

    /**
     * Welch's two-sided p-value of O1, by hand: baseline 100, 110, 90 has mean 100 and variance
     * (0² + 10² + 10²) / 2 = 100; the follow-ups 98, 95, 92, 88, 85, 84 have mean 542 / 6 and variance
     * (Σx² − 542² / 6) / 5 = (49118 − 293764 / 6) / 5 = 472 / 15. With a = 100 / 3 and b = (472 / 15) / 6:
     * t = (100 − 542 / 6) / √(a + b) ≈ 1.5564, Welch–Satterthwaite df = (a + b)² / (a² / 2 + b² / 5) ≈ 2.6526,
     * p = 2 (1 − F_t,df(t)) ≈ 0.22902 (scipy.stats.ttest_ind(equal_var=False) gives 0.22902174971016087).
     */
    static double delaysPValue() {
        double a = 100.0 / 3;
        double b = (472.0 / 15) / 6;
        double t = (100 - 542.0 / 6) / Math.sqrt(a + b);
        double df = (a + b) * (a + b) / (a * a / 2 + b * b / 5);
        return 2 * (1 - new TDistribution(df).cumulativeProbability(t));
    }

    private final DSLContext db;
    private final UUID challengeM1 = UUID.randomUUID();
    private final UUID challengeM4 = UUID.randomUUID();

    private ProgrammeScenario(DSLContext db) {
        this.db = db;
    }

    static ProgrammeScenario insert(DSLContext db) {
        ProgrammeScenario scenario = new ProgrammeScenario(db);
        scenario.insertAll();
        return scenario;
    }

    private void insertAll() {
        programme(programme, "Leading Change", "Chief Nurse", "2026-01-05", "GBP");
        programme(emptyProgramme, "Quiet Programme", "Chief Operating Officer", "2026-06-01", "EUR");

        set(alpha, "Set Alpha", "Fay");
        set(beta, "Set Beta", "Gus");
        member(alpha, ann, "Ann", true);
        member(alpha, ben, "Ben", true);
        member(alpha, cat, "Cat", true);
        member(alpha, dan, "Dan", false);
        member(beta, ann, "Ann", true);
        member(beta, eve, "Eve", true);

        // M2 before M1: the answer must be in date order, not in insertion order
        meeting(m2, alpha, "2026-03-01", "2026-03-02", "CLOSED", ann, ben, cat, dan);
        meeting(m1, alpha, "2026-02-02", "2026-02-02", "CLOSED", ann, ben, cat);
        meeting(m3, alpha, "2026-04-06", null, "SCHEDULED");
        meeting(m4, beta, "2026-02-10", "2026-02-10", "CLOSED", ann, eve);
        meeting(m5, beta, "2026-03-10", "2026-03-10", "OPEN", ann, eve);

        challenge(challengeM1, m1, alpha, ann);
        UUID challengeM2 = UUID.randomUUID();
        challenge(challengeM2, m2, alpha, ben);
        challenge(UUID.randomUUID(), m2, alpha, dan);
        challenge(challengeM4, m4, beta, eve);

        //            meeting person questions open statements advice presented
        participation(m1, alpha, ann, 0, 0, 0, 0, 1);
        participation(m1, alpha, ben, 2, 2, 1, 1, 0);
        participation(m1, alpha, cat, 1, 0, 0, 0, 0);
        participation(m2, alpha, ann, 2, 1, 0, 0, 0);
        participation(m2, alpha, ben, 0, 0, 0, 0, 1);
        participation(m2, alpha, cat, 2, 1, 0, 0, 0);
        participation(m2, alpha, dan, 2, 0, 0, 0, 1);
        participation(m4, beta, ann, 0, 0, 2, 1, 0);
        participation(m4, beta, eve, 0, 0, 0, 0, 1);

        action(x1, alpha, m1, challengeM1, ann, "Map the discharge pathway", "2026-02-02", "2026-02-20",
                "COMPLETED", "2026-02-16", null);
        action(x2, alpha, m2, challengeM2, ben, "Pilot the morning huddle", "2026-03-02", "2026-03-20",
                "COMPLETED", "2026-03-25", null);
        action(x3, alpha, m2, challengeM2, dan, "Interview the ward clerks", "2026-03-02", "2026-03-30",
                "OPEN", null, null);
        action(x4, beta, m4, challengeM4, eve, "Draft the rota proposal", "2026-02-10", "2026-04-01",
                "OPEN", null, null);
        action(x5, beta, m4, challengeM4, eve, "Book a meeting with finance", "2026-02-10", "2026-03-01",
                "ABANDONED", null, "2026-02-20");

        cost("FACILITATION", "6000", "2026-01-10");
        cost("VENUE", "1500", "2026-01-15");
        cost("FACILITATION", "2500.5", "2026-02-01");
        cost("PARTICIPANT_TIME", "4000", "2026-02-15");

        metric(delays, "Discharge delays", "hours", "DECREASE", "WEEK", "50", "15", 90);
        point(delays, "BASELINE", "2026-01-05", "100");
        point(delays, "BASELINE", "2026-01-12", "110");
        point(delays, "BASELINE", "2026-01-19", "90");
        point(delays, "FOLLOW_UP", "2026-04-13", "84");
        point(delays, "FOLLOW_UP", "2026-02-02", "98");
        point(delays, "FOLLOW_UP", "2026-02-16", "95");
        point(delays, "FOLLOW_UP", "2026-03-02", "92");
        point(delays, "FOLLOW_UP", "2026-03-16", "88");
        point(delays, "FOLLOW_UP", "2026-03-30", "85");
        estimate(delays, 80, 50);
        estimate(delays, 60, 100);
        estimate(delays, 50, 100);
        db.insertInto(OUTCOME_PHASE).set(OUTCOME_PHASE.METRIC_ID, delays)
                .set(OUTCOME_PHASE.STARTS_ON, LocalDate.parse("2026-03-01")).execute();

        metric(engagement, "Staff engagement", "score", "INCREASE", "MONTH", null, null, null);
        point(engagement, "BASELINE", "2026-01-31", "60");
        point(engagement, "FOLLOW_UP", "2026-03-31", "66");

        metric(agencyShifts, "Agency shifts", "shifts", "DECREASE", "MONTH", "300", "10", 60);
        point(agencyShifts, "BASELINE", "2026-01-31", "40");
        point(agencyShifts, "BASELINE", "2026-02-28", "44");
        point(agencyShifts, "FOLLOW_UP", "2026-03-31", "45");

        metric(confidence, "Team confidence", "rating", "INCREASE", "QUARTER", null, null, null);
    }

    private void programme(UUID id, String name, String sponsor, String startsOn, String currency) {
        db.insertInto(PROGRAMME)
                .set(PROGRAMME.PROGRAMME_ID, id)
                .set(PROGRAMME.ORGANISATION, "Northwind Health")
                .set(PROGRAMME.NAME, name)
                .set(PROGRAMME.SPONSOR, sponsor)
                .set(PROGRAMME.STARTS_ON, LocalDate.parse(startsOn))
                .set(PROGRAMME.CURRENCY, currency)
                .execute();
    }

    private void set(UUID setId, String name, String facilitator) {
        db.insertInto(LEARNING_SET)
                .set(LEARNING_SET.SET_ID, setId)
                .set(LEARNING_SET.PROGRAMME_ID, programme)
                .set(LEARNING_SET.NAME, name)
                .set(LEARNING_SET.FACILITATOR_ID, UUID.randomUUID())
                .set(LEARNING_SET.FACILITATOR_NAME, facilitator)
                .execute();
    }

    private void member(UUID setId, UUID personId, String displayName, boolean active) {
        db.insertInto(SET_MEMBER)
                .set(SET_MEMBER.SET_ID, setId)
                .set(SET_MEMBER.PERSON_ID, personId)
                .set(SET_MEMBER.PROGRAMME_ID, programme)
                .set(SET_MEMBER.DISPLAY_NAME, displayName)
                .set(SET_MEMBER.ACTIVE, active)
                .execute();
    }

    private void meeting(UUID meetingId, UUID setId, String scheduledFor, String openedOn, String status,
                         UUID... attendees) {
        db.insertInto(MEETING)
                .set(MEETING.MEETING_ID, meetingId)
                .set(MEETING.SET_ID, setId)
                .set(MEETING.PROGRAMME_ID, programme)
                .set(MEETING.SCHEDULED_FOR, LocalDate.parse(scheduledFor))
                .set(MEETING.OPENED_ON, openedOn == null ? null : LocalDate.parse(openedOn))
                .set(MEETING.CLOSED_ON, "CLOSED".equals(status) ? LocalDate.parse(openedOn) : null)
                .set(MEETING.STATUS, status)
                .set(MEETING.ATTENDEES, attendees.length)
                .execute();
        for (UUID attendee : attendees) {
            db.insertInto(MEETING_ATTENDEE)
                    .set(MEETING_ATTENDEE.MEETING_ID, meetingId)
                    .set(MEETING_ATTENDEE.PERSON_ID, attendee)
                    .set(MEETING_ATTENDEE.SET_ID, setId)
                    .execute();
        }
    }

    private void challenge(UUID challengeId, UUID meetingId, UUID setId, UUID presenter) {
        db.insertInto(CHALLENGE)
                .set(CHALLENGE.CHALLENGE_ID, challengeId)
                .set(CHALLENGE.MEETING_ID, meetingId)
                .set(CHALLENGE.SET_ID, setId)
                .set(CHALLENGE.PROGRAMME_ID, programme)
                .set(CHALLENGE.PRESENTER_ID, presenter)
                .set(CHALLENGE.TITLE, "A challenge")
                .execute();
        addActivity(meetingId, setId, 1, 0, 0);
    }

    private void participation(UUID meetingId, UUID setId, UUID personId, int questions, int openQuestions,
                               int statements, int advice, int presented) {
        db.insertInto(MEMBER_PARTICIPATION)
                .set(MEMBER_PARTICIPATION.MEETING_ID, meetingId)
                .set(MEMBER_PARTICIPATION.PERSON_ID, personId)
                .set(MEMBER_PARTICIPATION.SET_ID, setId)
                .set(MEMBER_PARTICIPATION.PROGRAMME_ID, programme)
                .set(MEMBER_PARTICIPATION.QUESTIONS, questions)
                .set(MEMBER_PARTICIPATION.OPEN_QUESTIONS, openQuestions)
                .set(MEMBER_PARTICIPATION.STATEMENTS, statements)
                .set(MEMBER_PARTICIPATION.ADVICE, advice)
                .set(MEMBER_PARTICIPATION.PRESENTED, presented)
                .execute();
        addActivity(meetingId, setId, 0, questions, statements);
    }

    /** What the projection adds to the meeting's activity with each challenge, question and statement. */
    private void addActivity(UUID meetingId, UUID setId, int challenges, int questions, int statements) {
        var a = MEETING_ACTIVITY;
        db.insertInto(a).set(a.MEETING_ID, meetingId).set(a.PROGRAMME_ID, programme).set(a.SET_ID, setId)
                .set(a.CHALLENGES, challenges).set(a.QUESTIONS, questions).set(a.STATEMENTS, statements)
                .onConflict(a.MEETING_ID).doUpdate()
                .set(a.CHALLENGES, a.CHALLENGES.plus(challenges))
                .set(a.QUESTIONS, a.QUESTIONS.plus(questions))
                .set(a.STATEMENTS, a.STATEMENTS.plus(statements))
                .execute();
    }

    private void action(UUID actionId, UUID setId, UUID meetingId, UUID challengeId, UUID owner, String description,
                        String committedOn, String dueOn, String status, String completedOn, String abandonedOn) {
        db.insertInto(ACTION_ITEM)
                .set(ACTION_ITEM.ACTION_ID, actionId)
                .set(ACTION_ITEM.PROGRAMME_ID, programme)
                .set(ACTION_ITEM.SET_ID, setId)
                .set(ACTION_ITEM.MEETING_ID, meetingId)
                .set(ACTION_ITEM.CHALLENGE_ID, challengeId)
                .set(ACTION_ITEM.OWNER_ID, owner)
                .set(ACTION_ITEM.DESCRIPTION, description)
                .set(ACTION_ITEM.COMMITTED_ON, LocalDate.parse(committedOn))
                .set(ACTION_ITEM.DUE_ON, LocalDate.parse(dueOn))
                .set(ACTION_ITEM.STATUS, status)
                .set(ACTION_ITEM.COMPLETED_ON, completedOn == null ? null : LocalDate.parse(completedOn))
                .set(ACTION_ITEM.ABANDONED_ON, abandonedOn == null ? null : LocalDate.parse(abandonedOn))
                .set(ACTION_ITEM.PERCENT_COMPLETE, "COMPLETED".equals(status) ? 100 : 0)
                .execute();
    }

    private void cost(String category, String amount, String incurredOn) {
        db.insertInto(PROGRAMME_COST)
                .set(PROGRAMME_COST.COST_ID, UUID.randomUUID())
                .set(PROGRAMME_COST.PROGRAMME_ID, programme)
                .set(PROGRAMME_COST.CATEGORY, category)
                .set(PROGRAMME_COST.AMOUNT, new BigDecimal(amount))
                .set(PROGRAMME_COST.INCURRED_ON, LocalDate.parse(incurredOn))
                .execute();
    }

    private void metric(UUID metricId, String name, String unit, String direction, String period, String valuePerUnit,
                        String targetChangePercent, Integer targetWithinDays) {
        db.insertInto(OUTCOME_METRIC)
                .set(OUTCOME_METRIC.METRIC_ID, metricId)
                .set(OUTCOME_METRIC.PROGRAMME_ID, programme)
                .set(OUTCOME_METRIC.NAME, name)
                .set(OUTCOME_METRIC.UNIT, unit)
                .set(OUTCOME_METRIC.DIRECTION, direction)
                .set(OUTCOME_METRIC.PERIOD, period)
                .set(OUTCOME_METRIC.VALUE_PER_UNIT, valuePerUnit == null ? null : new BigDecimal(valuePerUnit))
                .set(OUTCOME_METRIC.TARGET_CHANGE_PERCENT,
                        targetChangePercent == null ? null : new BigDecimal(targetChangePercent))
                .set(OUTCOME_METRIC.TARGET_WITHIN_DAYS, targetWithinDays)
                .execute();
    }

    private void point(UUID metricId, String series, String measuredOn, String value) {
        db.insertInto(OUTCOME_POINT)
                .set(OUTCOME_POINT.METRIC_ID, metricId)
                .set(OUTCOME_POINT.SERIES, series)
                .set(OUTCOME_POINT.MEASURED_ON, LocalDate.parse(measuredOn))
                .set(OUTCOME_POINT.VALUE, new BigDecimal(value))
                .execute();
    }

    private void estimate(UUID metricId, int attributionPercent, int confidencePercent) {
        db.insertInto(ATTRIBUTION_ESTIMATE)
                .set(ATTRIBUTION_ESTIMATE.ESTIMATE_ID, UUID.randomUUID())
                .set(ATTRIBUTION_ESTIMATE.METRIC_ID, metricId)
                .set(ATTRIBUTION_ESTIMATE.PROGRAMME_ID, programme)
                .set(ATTRIBUTION_ESTIMATE.ATTRIBUTION_PERCENT, attributionPercent)
                .set(ATTRIBUTION_ESTIMATE.CONFIDENCE_PERCENT, confidencePercent)
                .set(ATTRIBUTION_ESTIMATE.ESTIMATED_BY, UUID.randomUUID())
                .execute();
    }
}
