package org.actionlearning.projection.schema;

import org.jooq.TableField;
import org.jooq.impl.CustomTable;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The engine's table {@code dead_letter} (created by the service's migrations; see {@link EngineTables}). */
public final class DeadLetter extends CustomTable<DeadLetterRecord> {

    public static final DeadLetter DEAD_LETTER = new DeadLetter();

    public final TableField<DeadLetterRecord, String> TOPIC =
            createField(DSL.name("topic"), SQLDataType.VARCHAR(255).nullable(false));
    public final TableField<DeadLetterRecord, Integer> PARTITION =
            createField(DSL.name("partition"), SQLDataType.INTEGER.nullable(false));
    public final TableField<DeadLetterRecord, Long> RECORD_OFFSET =
            createField(DSL.name("record_offset"), SQLDataType.BIGINT.nullable(false));
    public final TableField<DeadLetterRecord, String> REASON =
            createField(DSL.name("reason"), SQLDataType.CLOB.nullable(false));
    public final TableField<DeadLetterRecord, String> RECORD_KEY =
            createField(DSL.name("record_key"), SQLDataType.CLOB);
    public final TableField<DeadLetterRecord, byte[]> RECORD_VALUE =
            createField(DSL.name("record_value"), SQLDataType.BLOB);
    public final TableField<DeadLetterRecord, java.time.OffsetDateTime> RECEIVED_AT =
            createField(DSL.name("received_at"), SQLDataType.TIMESTAMPWITHTIMEZONE(6).nullable(false)
                    .defaultValue(DSL.field(DSL.raw("now()"), SQLDataType.TIMESTAMPWITHTIMEZONE)));
    public final TableField<DeadLetterRecord, String> AGGREGATE_ID =
            createField(DSL.name("aggregate_id"), SQLDataType.VARCHAR(255));
    public final TableField<DeadLetterRecord, Long> SEQUENCE_NUMBER =
            createField(DSL.name("sequence_number"), SQLDataType.BIGINT);
    public final TableField<DeadLetterRecord, Boolean> BLOCKS_AGGREGATE =
            createField(DSL.name("blocks_aggregate"), SQLDataType.BOOLEAN.nullable(false)
                    .defaultValue(DSL.field(DSL.raw("true"), SQLDataType.BOOLEAN)));

    private DeadLetter() {
        super(DSL.name("dead_letter"));
    }

    @Override
    public Class<DeadLetterRecord> getRecordType() {
        return DeadLetterRecord.class;
    }
}
