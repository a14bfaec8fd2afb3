package org.actionlearning.projection.schema;

import org.jooq.TableField;
import org.jooq.impl.CustomTable;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The engine's table {@code aggregate_position} (created by the service's migrations; see {@link EngineTables}). */
public final class AggregatePosition extends CustomTable<AggregatePositionRecord> {

    public static final AggregatePosition AGGREGATE_POSITION = new AggregatePosition();

    public final TableField<AggregatePositionRecord, String> AGGREGATE_ID =
            createField(DSL.name("aggregate_id"), SQLDataType.VARCHAR(255).nullable(false));
    public final TableField<AggregatePositionRecord, Long> LAST_SEQUENCE =
            createField(DSL.name("last_sequence"), SQLDataType.BIGINT.nullable(false));

    private AggregatePosition() {
        super(DSL.name("aggregate_position"));
    }

    @Override
    public Class<AggregatePositionRecord> getRecordType() {
        return AggregatePositionRecord.class;
    }
}
