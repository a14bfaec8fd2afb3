package org.actionlearning.projection.schema;

import org.jooq.TableField;
import org.jooq.impl.CustomTable;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The engine's table {@code parked_event} (created by the service's migrations; see {@link EngineTables}). */
public final class ParkedEvent extends CustomTable<ParkedEventRecord> {

    public static final ParkedEvent PARKED_EVENT = new ParkedEvent();

    public final TableField<ParkedEventRecord, String> AGGREGATE_ID =
            createField(DSL.name("aggregate_id"), SQLDataType.VARCHAR(255).nullable(false));
    public final TableField<ParkedEventRecord, Long> SEQUENCE_NUMBER =
            createField(DSL.name("sequence_number"), SQLDataType.BIGINT.nullable(false));
    public final TableField<ParkedEventRecord, java.util.UUID> EVENT_ID =
            createField(DSL.name("event_id"), SQLDataType.UUID.nullable(false));
    public final TableField<ParkedEventRecord, String> TOPIC =
            createField(DSL.name("topic"), SQLDataType.VARCHAR(255).nullable(false));
    public final TableField<ParkedEventRecord, Integer> PARTITION =
            createField(DSL.name("partition"), SQLDataType.INTEGER.nullable(false));
    public final TableField<ParkedEventRecord, Long> RECORD_OFFSET =
            createField(DSL.name("record_offset"), SQLDataType.BIGINT.nullable(false));
    public final TableField<ParkedEventRecord, String> RECORD_KEY =
            createField(DSL.name("record_key"), SQLDataType.CLOB);
    public final TableField<ParkedEventRecord, byte[]> RECORD_VALUE =
            createField(DSL.name("record_value"), SQLDataType.BLOB.nullable(false));
    public final TableField<ParkedEventRecord, java.time.OffsetDateTime> PARKED_AT =
            createField(DSL.name("parked_at"), SQLDataType.TIMESTAMPWITHTIMEZONE(6).nullable(false)
                    .defaultValue(DSL.field(DSL.raw("now()"), SQLDataType.TIMESTAMPWITHTIMEZONE)));

    private ParkedEvent() {
        super(DSL.name("parked_event"));
    }

    @Override
    public Class<ParkedEventRecord> getRecordType() {
        return ParkedEventRecord.class;
    }
}
