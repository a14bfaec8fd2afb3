package org.actionlearning.query.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.actionlearning.projection.Projection;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.stereotype.Component;

/**
 * A fingerprint of every read-model table's content (order-independent), to compare incremental projection
 * with a rebuild from offset 0, or two instances with each other.
 */
@Component
public class ReadModelChecksum {

    private final DSLContext db;
    private final List<Table<?>> tables;

    public ReadModelChecksum(DSLContext db, List<Projection> projections) {
        this.db = db;
        this.tables = projections.stream().flatMap(p -> p.tables().stream()).toList();
    }

    /** Table name to md5 of its rows (as text, sorted) and the row count. */
    public Map<String, String> byTable() {
        Map<String, String> sums = new LinkedHashMap<>();
        for (Table<?> table : tables) {
            String name = table.getName();
            String sum = db.fetchOne("select coalesce(md5(string_agg(t::text, '|' order by t::text)), 'empty')"
                    + " || ':' || count(*) from " + name + " t").get(0, String.class);
            sums.put(name, sum);
        }
        return sums;
    }
}
