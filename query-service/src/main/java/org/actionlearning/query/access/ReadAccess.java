package org.actionlearning.query.access;

import static org.actionlearning.query.jooq.Tables.LEARNING_SET;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.actionlearning.query.read.ReportedMeetings;
import org.actionlearning.query.read.action.ActionView;
import org.actionlearning.query.read.programme.ProgrammeSummary;
import org.actionlearning.service.security.Caller;
import org.actionlearning.service.security.Callers;
import org.actionlearning.service.security.NotPermitted;
import org.actionlearning.service.security.Role;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Who may read what (docs/trust.md). A programme's aggregates are for its sponsors and its organisation's
 * administrators; what was said in a set is for the set's members and facilitator only, and each such read is
 * audited. Every controller and page asks here before it reads.
 */
@Component
public class ReadAccess {

    private final ReadScopes scopes;
    private final ReadAudit audit;
    private final DSLContext db;
    private final ReportedMeetings reportedMeetings;

    ReadAccess(ReadScopes scopes, ReadAudit audit, DSLContext db, ReportedMeetings reportedMeetings) {
        this.reportedMeetings = reportedMeetings;
        this.scopes = scopes;
        this.audit = audit;
        this.db = db;
    }

    /** Dashboards, ROI and outcome metrics of a programme. */
    public void requireProgrammeAggregates(UUID programmeId) {
        ReadScopes.ProgrammeScope programme = scopes.programme(programmeId);
        Caller caller = Callers.current();
        if (!seesAggregates(caller, programme)) {
            // names the grants that would do, never whose the programme is: a refusal tells an outsider nothing
            throw refused(caller, programme, "a programme's aggregates are for SPONSOR of the programme or ADMIN of "
                    + "its organisation");
        }
    }

    /**
     * Keeping a programme, its outcome metrics (definitions, values, estimates) and its administration page: ADMIN
     * of its organisation.
     */
    public void requireProgrammeAdmin(UUID programmeId) {
        ReadScopes.ProgrammeScope programme = scopes.programme(programmeId);
        if (!Callers.current().isAdminOf(programme.organisation())) {
            throw refused(Callers.current(), programme, "keeping a programme (its outcomes, costs and sets) is for "
                    + "ADMIN of its organisation");
        }
    }

    /** A set's administration page: ADMIN of its organisation. */
    public void requireSetAdministration(UUID setId) {
        ReadScopes.SetScope set = scopes.set(setId);
        if (!Callers.current().isAdminOf(set.organisation())) {
            throw refused(Callers.current(), set, "administering this needs ADMIN of its organisation");
        }
    }

    /**
     * Whether the caller administers the programme (ADMIN of its organisation): they see each attribution estimate
     * as recorded (they keep the outcomes) and who recorded each record by username; a sponsor sees estimates under
     * the fewer-than-three rule and recorders by role only.
     */
    public boolean administers(UUID programmeId) {
        return Callers.current().isAdminOf(scopes.programme(programmeId).organisation());
    }

    public void requireMetricAggregates(UUID metricId) {
        ReadScopes.ProgrammeScope programme = scopes.programmeOfMetric(metricId);
        if (!seesAggregates(Callers.current(), programme)) {
            throw refused(Callers.current(), programme, "an outcome metric is for SPONSOR of its programme or ADMIN "
                    + "of its organisation");
        }
    }

    /** A set's confidential detail: names, who said what, the text. The read is recorded in the audit trail. */
    public void requireSetContent(UUID setId, String resource) {
        ReadScopes.SetScope set = scopes.set(setId);
        Caller caller = Callers.current();
        if (!caller.isInSet(setId)) {
            throw refused(caller, set, "what is said in a set stays in the set: only its members and facilitator "
                    + "(MEMBER or FACILITATOR of set " + setId + ") may read it");
        }
        audit.record(caller, resource, set);
    }

    /**
     * A set's aggregates of personal answers (psychological safety, reaction): for the set's members and facilitator
     * and its organisation's administrators. Every figure there is withheld below three respondents.
     */
    public void requireSetAggregates(UUID setId) {
        ReadScopes.SetScope set = scopes.set(setId);
        Caller caller = Callers.current();
        if (!caller.isInSet(setId) && !caller.isAdminOf(set.organisation())) {
            throw refused(caller, set, "a set's pulse aggregates are for its members and facilitator (MEMBER or "
                    + "FACILITATOR of set " + setId + ") and ADMIN of its organisation");
        }
    }

    /** The sets the caller facilitates; refused for a caller who facilitates none. */
    public Set<UUID> facilitatedSets() {
        Set<UUID> sets = Callers.current().scopesOf(Role.FACILITATOR);
        if (sets.isEmpty()) {
            throw new NotPermitted("facilitator effectiveness is for facilitators (FACILITATOR of a set)");
        }
        return sets;
    }

    /** The meeting console records meetings: the set's facilitator. */
    public void requireFacilitator(UUID setId) {
        ReadScopes.SetScope set = scopes.set(setId);
        if (!Callers.current().isFacilitatorOf(setId)) {
            throw refused(Callers.current(), set, "the meeting console is for the set's facilitator (FACILITATOR of set " + setId
                    + ")");
        }
    }

    /** The administration pages: an ADMIN of some organisation. */
    public void requireAdministrator() {
        if (!Callers.current().isAdmin()) {
            throw new NotPermitted("the administration pages are for administrators (ADMIN of an organisation)");
        }
    }

    /**
     * Administering a programme or set, or reading an organisation's figures that are not for its sponsors
     * (facilitation): ADMIN of the organisation (asked after the id was found).
     */
    public void requireAdminOf(String organisation) {
        if (!Callers.current().isAdminOf(organisation)) {
            // which grant would do, not whose the programme is
            throw new NotPermitted("administering this needs ADMIN of its organisation");
        }
    }

    /** Rebuilds, checksums, dead letters: operators of the whole platform. */
    public void requirePlatformAdmin() {
        if (!Callers.current().isPlatformAdmin()) {
            throw new NotPermitted("operating the read models needs ADMIN of every organisation (ADMIN:*)");
        }
    }

    /**
     * What a caller sees of a programme's actions: their own sets' in full; or, for sponsors and administrators, those
     * committed in meetings of three attendees or more (see {@code ReportedMeetings}) without personal detail.
     */
    public ActionsAccess actionsAccess(UUID programmeId) {
        ReadScopes.ProgrammeScope programme = scopes.programme(programmeId);
        Caller caller = Callers.current();
        Set<UUID> ownSets = setsOf(caller, programmeId);
        if (!ownSets.isEmpty()) {
            return new ActionsAccess(false, action -> ownSets.contains(action.setId()));
        }
        if (seesAggregates(caller, programme)) {
            Set<UUID> counted = reportedMeetings.ofProgramme(programmeId);
            return new ActionsAccess(true, action -> counted.contains(action.meetingId()));
        }
        throw refused(caller, programme, "a programme's actions are for its sponsors and administrators (without detail) and "
                + "for the members and facilitators of its sets");
    }

    /**
     * @param withoutDetail true: no owner or description
     * @param listed        which actions are listed
     */
    public record ActionsAccess(boolean withoutDetail, Predicate<ActionView> listed) {

        public List<ActionView> apply(List<ActionView> actions) {
            List<ActionView> listed = actions.stream().filter(this.listed).toList();
            return withoutDetail ? listed.stream().map(ActionView::withoutPersonalDetail).toList() : listed;
        }
    }

    /**
     * The programmes of the list the caller may see: those they administer, sponsor or take part in. The programmes
     * of the caller's sets are looked up once for the whole list.
     */
    public List<ProgrammeSummary> listed(Caller caller, List<ProgrammeSummary> programmes) {
        Set<UUID> sets = Stream.concat(caller.scopesOf(Role.FACILITATOR).stream(),
                caller.scopesOf(Role.MEMBER).stream()).collect(Collectors.toSet());
        Set<UUID> takingPart = sets.isEmpty() ? Set.of() : Set.copyOf(db.selectDistinct(LEARNING_SET.PROGRAMME_ID)
                .from(LEARNING_SET).where(LEARNING_SET.SET_ID.in(sets)).fetch(LEARNING_SET.PROGRAMME_ID));
        return programmes.stream().filter(p -> caller.isAdminOf(p.organisation()) || caller.isSponsorOf(p.programmeId())
                || takingPart.contains(p.programmeId())).toList();
    }

    public boolean seesAggregates(Caller caller, UUID programmeId, String organisation) {
        return caller.isAdminOf(organisation) || caller.isSponsorOf(programmeId);
    }

    private boolean seesAggregates(Caller caller, ReadScopes.ProgrammeScope programme) {
        return seesAggregates(caller, programme.programmeId(), programme.organisation());
    }

    /** The caller's sets (as member or facilitator) within the programme. */
    public Set<UUID> setsOf(Caller caller, UUID programmeId) {
        Set<UUID> sets = Stream.concat(caller.scopesOf(Role.FACILITATOR).stream(),
                caller.scopesOf(Role.MEMBER).stream()).collect(Collectors.toSet());
        if (sets.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(db.select(LEARNING_SET.SET_ID).from(LEARNING_SET)
                .where(LEARNING_SET.PROGRAMME_ID.eq(programmeId)).and(LEARNING_SET.SET_ID.in(sets))
                .fetch(LEARNING_SET.SET_ID));
    }

    /**
     * A member's own actions and participation: for that person alone. Not their facilitator, sponsor or an
     * administrator: how someone takes part is theirs to reflect on, not a figure to be judged by.
     */
    public void requireSelf(UUID personId, String resource) {
        if (!Callers.current().isPerson(personId)) {
            throw new NotPermitted("a member's own " + resource + " are for that member alone (the account of person "
                    + personId + ")");
        }
    }

    /** The reminders of a set's due actions: its facilitator. The read is recorded in the audit trail. */
    public void requireFacilitatorContent(UUID setId, String resource) {
        ReadScopes.SetScope set = scopes.set(setId);
        Caller caller = Callers.current();
        if (!caller.isFacilitatorOf(setId)) {
            throw refused(caller, set, "the " + resource + " of a set are for its facilitator (FACILITATOR of set "
                    + setId + ")");
        }
        audit.record(caller, resource, set);
    }

    /**
     * A refusal of a read of an id that exists: 403 saying which grant would do to a caller with some grant in the
     * id's organisation (they may know what it has); to anyone else the 404 of an unknown id, so that another
     * organisation's ids cannot be told from ids that exist nowhere (docs/trust.md).
     */
    private RuntimeException refused(Caller caller, ReadScopes.ProgrammeScope programme, String message) {
        return refused(caller, programme.organisation(), programme.asked(), message);
    }

    private RuntimeException refused(Caller caller, ReadScopes.SetScope set, String message) {
        return refused(caller, set.organisation(), set.asked(), message);
    }

    private RuntimeException refused(Caller caller, String organisation, ReadScopes.Asked asked, String message) {
        return scopes.inOrganisation(caller, organisation) ? new NotPermitted(message) : asked.unknown();
    }
}
