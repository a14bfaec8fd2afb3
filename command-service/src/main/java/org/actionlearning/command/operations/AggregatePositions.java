package org.actionlearning.command.operations;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Per aggregate, the last sequence number stored and the last published, a page at a time in aggregate id order:
 * what reconciliation compares with the read side's last applied.
 */
@Component
public class AggregatePositions {

    private final JdbcTemplate jdbc;

    public AggregatePositions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** @param published the last published sequence, -1 when none was */
    public record Position(String aggregateId, String aggregateType, long stored, long published) {
    }

    /** Up to {@code limit} aggregates with an id after {@code after} (null: from the first). */
    public List<Position> page(String after, int limit) {
        // one index range scan of (aggregateidentifier, sequencenumber), grouped as it goes
        return jdbc.query("select s.aggregateidentifier, s.type, s.stored, coalesce(p.last_sequence, -1) as published"
                        + " from (select aggregateidentifier, max(type) as type, max(sequencenumber) as stored"
                        + "       from domainevententry where aggregateidentifier > ?"
                        + "       group by aggregateidentifier order by aggregateidentifier limit ?) s"
                        + " left join relay_position p on p.aggregate_identifier = s.aggregateidentifier"
                        + " order by s.aggregateidentifier",
                (row, i) -> new Position(row.getString(1), row.getString(2), row.getLong(3), row.getLong(4)),
                after == null ? "" : after, limit);
    }
}
