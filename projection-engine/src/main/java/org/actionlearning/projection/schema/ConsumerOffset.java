package org.actionlearning.projection.schema;

import org.jooq.TableField;
import org.jooq.impl.CustomTable;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The engine's table {@code consumer_offset} (created by the service's migrations; see {@link EngineTables}). */
public final class ConsumerOffset extends CustomTable<ConsumerOffsetRecord> {

    public static final ConsumerOffset CONSUMER_OFFSET = new ConsumerOffset();

    public final TableField<ConsumerOffsetRecord, String> GROUP_ID =
            createField(DSL.name("group_id"), SQLDataType.VARCHAR(255).nullable(false));
    public final TableField<ConsumerOffsetRecord, String> TOPIC =
            createField(DSL.name("topic"), SQLDataType.VARCHAR(255).nullable(false));
    public final TableField<ConsumerOffsetRecord, Integer> PARTITION =
            createField(DSL.name("partition"), SQLDataType.INTEGER.nullable(false));
    public final TableField<ConsumerOffsetRecord, Long> NEXT_OFFSET =
            createField(DSL.name("next_offset"), SQLDataType.BIGINT.nullable(false));

    private ConsumerOffset() {
        super(DSL.name("consumer_offset"));
    }

    @Override
    public Class<ConsumerOffsetRecord> getRecordType() {
        return ConsumerOffsetRecord.class;
    }
}
