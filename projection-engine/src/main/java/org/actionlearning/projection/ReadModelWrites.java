package org.actionlearning.projection;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.BatchBindStep;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * The read-model writes of one projection transaction, sent to PostgreSQL together just before it commits instead
 * of one round trip per statement: statements of the same shape go as one JDBC batch (which the driver rewrites into
 * one multi-row INSERT, {@code reWriteBatchedInserts}).
 * <p>
 * A statement can come whole ({@link #add(Table, Object, Query)}, convenient) or as a prepared template with the
 * values of one row ({@link #add(Table, Object, Query, Object...)}, for the events that come by the million: building
 * and rendering a jOOQ statement per row cost more CPU than PostgreSQL spent on the row).
 * <p>
 * Grouping reorders statements, which is only safe where they commute. A statement added with the one row it
 * touches ({@link #add(Table, Object, Query)}) commutes with statements on other rows, so statements on the same row
 * keep their order: the n-th statement on a row goes to the n-th round ("level") of batches, and each batch holds a
 * row at most once. A statement added without a row ({@link #add(Query)}, e.g. an update of many rows) is a barrier:
 * everything before it is written first, and it runs before anything added after it.
 * <p>
 * An increment ({@link #addIncrement}) that directly follows an increment of the same template on the same row is
 * merged into it, its counters added to the pending ones: thirty questions in a meeting make one upsert of each
 * member's counts per transaction instead of thirty, each in its own level (each a row version for PostgreSQL, and
 * each level more small batches). Only directly following ones merge, so the order of the row's other statements
 * is kept.
 * <p>
 * Projections must write only through here, never {@code execute()} a statement themselves: a direct write would
 * overtake the statements still pending in this transaction.
 */
@Component
public class ReadModelWrites {

    private final DSLContext db;
    private final Map<Template, String> templateSql = new ConcurrentHashMap<>();

    public ReadModelWrites(@ProjectionDb DSLContext db) {
        this.db = db;
    }

    /** A statement that touches exactly one row, the row {@code key} of {@code table}. */
    public void add(Table<?> table, Object key, Query query) {
        Pending pending = pending();
        if (pending == null) {
            query.execute();
        } else {
            pending.add(new RowKey(table, key), new Statement(query, null, query.getSQL(), null));
        }
    }

    /**
     * A prepared statement, built once with placeholders, and the values of its placeholders for one row: the
     * statement touches exactly the row {@code key} of {@code table}.
     */
    public void add(Table<?> table, Object key, Query template, Object... values) {
        Pending pending = pending();
        if (pending == null) {
            db.batch(template).bind(values).execute();
        } else {
            pending.add(new RowKey(table, key), new Statement(template, values, new Template(template), null));
        }
    }

    /** A row of a {@link RowTemplate}, its values bound by column: the statement touches the row {@code key}. */
    public void add(Table<?> table, Object key, RowTemplate.Row row) {
        add(table, key, row.query(), row.values());
    }

    /**
     * An upsert that adds to counters of the row {@code key} of {@code table}: the template's placeholders are bound
     * to {@code rowValues}, then to {@code addends}. On conflict the template must change nothing but those counter
     * columns, each by adding its addend: then two such upserts in a row equal one with the sums (the first's
     * {@code rowValues} insert the row if it is missing; the second's only add), which is how they are merged.
     */
    public void addIncrement(Table<?> table, Object key, Query template, Object[] rowValues, int... addends) {
        Statement increment = new Statement(template, rowValues, new Template(template), addends.clone());
        Pending pending = pending();
        if (pending == null) {
            db.batch(template).bind(increment.bindValues()).execute();
        } else {
            pending.add(new RowKey(table, key), increment);
        }
    }

    /**
     * A placeholder for a value of {@code column} in a template: bound per row by {@link #add(Table, Object, Query,
     * Object...)}, in the order the placeholders appear in the statement.
     */
    public static <T> Param<T> placeholder(Field<T> column) {
        return DSL.param(column.getName(), column.getDataType());
    }

    /** Any other statement: runs after every statement added before it, before every one added after. */
    public void add(Query query) {
        Pending pending = pending();
        if (pending != null) {
            pending.flush();
        }
        query.execute();
    }

    /** Writes what is pending now (also done before commit). */
    public void flush() {
        Pending pending = pending();
        if (pending != null) {
            pending.flush();
        }
    }

    /** The statements pending in the current transaction; null outside one (then each statement runs at once). */
    private Pending pending() {
        return TransactionBound.get(this, Pending::new, Pending::flush);
    }

    /** A row: its table (by identity, the generated constants) and its key. */
    private record RowKey(Table<?> table, Object key) {
        @Override
        public boolean equals(Object other) {
            return other instanceof RowKey row && row.table == table && row.key.equals(key);
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(table) + key.hashCode();
        }
    }

    /**
     * A template as a map key, by identity: a jOOQ query's own hashCode and equals render its SQL, which costs
     * more than the row it writes.
     */
    private static final class Template {
        private final Query query;

        Template(Query query) {
            this.query = query;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Template template && template.query == query;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(query);
        }
    }

    /**
     * One statement: a whole query ({@code values} null) or a template and its values, followed by the
     * {@code addends} of an increment (null for other statements); {@code shape} groups statements that can share a
     * batch (the template, or a whole query's SQL).
     */
    private record Statement(Query query, Object[] values, Object shape, int[] addends) {
        Object[] bindValues() {
            if (values == null) {
                return query.getBindValues().toArray();
            }
            if (addends == null) {
                return values;
            }
            Object[] all = Arrays.copyOf(values, values.length + addends.length);
            for (int i = 0; i < addends.length; i++) {
                all[values.length + i] = addends[i];
            }
            return all;
        }

        /** Whether {@code next}, the statement that follows this one on the same row, can be added into this. */
        boolean absorbs(Statement next) {
            return addends != null && next.addends != null && shape.equals(next.shape);
        }

        /** Adds the counters of a following increment of the same template (pending, not yet bound). */
        void absorb(Statement next) {
            for (int i = 0; i < addends.length; i++) {
                addends[i] += next.addends[i];
            }
        }
    }

    /** The statements pending on one row: how many went to levels (the next one's level), and the last one. */
    private static final class PendingRow {
        int levels;
        Statement last;
    }

    /** Statements by level, then by shape (in order of first appearance). */
    private final class Pending {
        private final Map<RowKey, PendingRow> rows = new HashMap<>();
        private final List<Map<Object, List<Statement>>> levels = new ArrayList<>();

        void add(RowKey key, Statement statement) {
            PendingRow row = rows.computeIfAbsent(key, k -> new PendingRow());
            if (row.last != null && row.last.absorbs(statement)) {
                row.last.absorb(statement);
                return;
            }
            int level = row.levels++;
            row.last = statement;
            while (levels.size() <= level) {
                levels.add(new LinkedHashMap<>());
            }
            levels.get(level).computeIfAbsent(statement.shape(), shape -> new ArrayList<>()).add(statement);
        }

        void flush() {
            for (Map<Object, List<Statement>> level : levels) {
                level.values().forEach(this::execute);
            }
            levels.clear();
            rows.clear();
        }

        private void execute(List<Statement> sameShape) {
            Statement first = sameShape.get(0);
            if (first.values() != null) {
                executeTemplate(first.query(), sameShape);
            } else if (sameShape.size() == 1) {
                first.query().execute();
            } else {
                BatchBindStep batch = db.batch(first.query());
                sameShape.forEach(statement -> batch.bind(statement.bindValues()));
                batch.execute();
            }
        }

        /** Straight JDBC: jOOQ's batch binding cost more CPU per row than the driver and PostgreSQL together. */
        private void executeTemplate(Query template, List<Statement> rows) {
            String sql = templateSql.computeIfAbsent(new Template(template), t -> template.getSQL());
            db.connection(connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    for (Statement row : rows) {
                        Object[] values = row.bindValues();
                        for (int i = 0; i < values.length; i++) {
                            statement.setObject(i + 1, values[i]);
                        }
                        statement.addBatch();
                    }
                    statement.executeBatch();
                }
            });
        }
    }
}
