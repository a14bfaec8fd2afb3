package org.actionlearning.command.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.actionlearning.events.learningset.PulseAnswered;
import org.actionlearning.events.learningset.PulseContributed;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads the audit trail out of the event store: each event's metadata names the user whose command caused it. */
@Repository
class ChangeAudit {

    record Change(long position, Instant at, String user, String event, String aggregateId, long sequence,
                  String organisation) {
    }

    /**
     * The pulse contribution is unlinked from its person by design: the audit leaves it out, as its metadata names the
     * user who sent it. The sealed {@code PulseAnswered} beside it is left out too: listed with its user and time it
     * told who answered when, and the gap beside it which contribution was theirs.
     */
    static final String UNLINKED = PulseContributed.class.getName();
    static final String ANSWERED = PulseAnswered.class.getName();

    private final JdbcTemplate jdbc;

    ChangeAudit(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param organisations the organisations whose changes to list; null for all */
    List<Change> find(String user, String aggregateId, List<String> organisations, int limit) {
        Query query = query(user, aggregateId, organisations, limit);
        return jdbc.query(query.sql(), (rs, n) -> new Change(rs.getLong(1),
                Instant.parse(rs.getString(2)), rs.getString(3), simpleName(rs.getString(4)), rs.getString(5),
                rs.getLong(6), rs.getString(7)), query.args().toArray());
    }

    record Query(String sql, List<Object> args) {
    }

    /**
     * The statement {@link #find} runs. The user is read with {@code als_event_user(metadata)}, the expression of the
     * index {@code domainevententry_by_user} (V30), so that a filter on the user is an index scan.
     */
    static Query query(String user, String aggregateId, List<String> organisations, int limit) {
        StringBuilder sql = new StringBuilder("""
                select e.globalindex, e.timestamp, als_event_user(e.metadata) as username,
                       e.payloadtype, e.aggregateidentifier, e.sequencenumber, s.organisation
                  from domainevententry e left join access_scope s on s.id::text = e.aggregateidentifier
                 where e.payloadtype <> ? and e.payloadtype <> ?""");
        List<Object> args = new ArrayList<>();
        args.add(UNLINKED);
        args.add(ANSWERED);
        if (user != null) {
            sql.append(" and als_event_user(e.metadata) = ?");
            args.add(user);
        }
        if (aggregateId != null) {
            sql.append(" and e.aggregateidentifier = ?");
            args.add(aggregateId);
        }
        if (organisations != null) {
            sql.append(" and s.organisation = any (?)");
            args.add(organisations.toArray(String[]::new));
        }
        sql.append(" order by e.globalindex desc limit ?");
        args.add(limit);
        return new Query(sql.toString(), args);
    }

    private static String simpleName(String type) {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
