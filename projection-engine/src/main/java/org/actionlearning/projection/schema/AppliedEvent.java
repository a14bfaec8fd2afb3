package org.actionlearning.projection.schema;

import org.jooq.TableField;
import org.jooq.impl.CustomTable;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The engine's table {@code applied_event} (created by the service's migrations; see {@link EngineTables}). */
public final class AppliedEvent extends CustomTable<AppliedEventRecord> {

    public static final AppliedEvent APPLIED_EVENT = new AppliedEvent();

    public final TableField<AppliedEventRecord, java.util.UUID> EVENT_ID =
            createField(DSL.name("event_id"), SQLDataType.UUID.nullable(false));
    public final TableField<AppliedEventRecord, String> AGGREGATE_ID =
            createField(DSL.name("aggregate_id"), SQLDataType.VARCHAR(255).nullable(false));
    public final TableField<AppliedEventRecord, Long> SEQUENCE_NUMBER =
            createField(DSL.name("sequence_number"), SQLDataType.BIGINT.nullable(false));

    private AppliedEvent() {
        super(DSL.name("applied_event"));
    }

    @Override
    public Class<AppliedEventRecord> getRecordType() {
        return AppliedEventRecord.class;
    }
}
