package org.actionlearning.projection;

import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;

/**
 * A prepared statement for {@link ReadModelWrites} whose placeholders are bound by column, not by position: each
 * value is set for a named column of its type ({@link Row#set}), so two values of the same type (say two ids) cannot
 * be swapped silently, and a row with a column left unset is refused. Built once per projection; its statement is
 * rendered once, however many rows are bound to it.
 */
public final class RowTemplate {

    private final Query query;
    private final List<Field<?>> columns;

    /** {@code query}'s placeholders are for {@code columns}, in this order. */
    public RowTemplate(Query query, List<? extends Field<?>> columns) {
        this.query = query;
        this.columns = List.copyOf(columns);
    }

    /** An insert of {@code columns}, ended by {@code onConflict} (e.g. {@code i -> i.onConflictDoNothing()}). */
    public static <R extends Record> RowTemplate insert(DSLContext db, Table<R> table, List<? extends Field<?>> columns,
                                                        Function<InsertValuesStepN<R>, Query> onConflict) {
        return new RowTemplate(onConflict.apply(db.insertInto(table, columns)
                .values(Collections.nCopies(columns.size(), null))), columns);
    }

    /** A row to bind: set every column, then hand it to {@link ReadModelWrites#add(Table, Object, Row)}. */
    public Row row() {
        return new Row();
    }

    /** The values of one row, by column. */
    public final class Row {
        private final Object[] values = new Object[columns.size()];
        private final boolean[] set = new boolean[columns.size()];

        private Row() {
        }

        public <T> Row set(Field<T> column, T value) {
            int index = indexOf(column);
            values[index] = value;
            set[index] = true;
            return this;
        }

        Query query() {
            return query;
        }

        /** The values in the statement's placeholder order; every column must be set. */
        Object[] values() {
            for (int i = 0; i < set.length; i++) {
                if (!set[i]) {
                    throw new IllegalStateException("no value for " + columns.get(i) + " in " + query.getSQL());
                }
            }
            return values;
        }
    }

    /** By identity first: the generated column constants are what projections pass. */
    private int indexOf(Field<?> column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i) == column) {
                return i;
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equals(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException(column + " is not a column of " + query.getSQL());
    }
}
