package org.actionlearning.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** Values are bound by column: the order they are set in does not matter, a missing or foreign column is refused. */
class RowTemplateTest {

    private final Table<Record> table = DSL.table(DSL.name("contribution"));
    private final Field<UUID> meetingId = DSL.field(DSL.name("meeting_id"), UUID.class);
    private final Field<UUID> setId = DSL.field(DSL.name("set_id"), UUID.class);
    private final Field<String> text = DSL.field(DSL.name("text"), String.class);
    private final RowTemplate template = RowTemplate.insert(DSL.using(SQLDialect.POSTGRES), table,
            List.of(meetingId, setId, text), insert -> insert.onConflictDoNothing());

    private final UUID meeting = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private final UUID set = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    @Test
    void valuesComeInTheStatementsOrderWhateverOrderTheyWereSetIn() {
        RowTemplate.Row row = template.row().set(text, "why").set(setId, set).set(meetingId, meeting);

        assertThat(row.values()).containsExactly(meeting, set, "why");
        assertThat(row.query().getSQL()).isEqualTo(
                "insert into \"contribution\" (\"meeting_id\", \"set_id\", \"text\") "
                        + "values (cast(? as uuid), cast(? as uuid), ?) on conflict do nothing");
    }

    @Test
    void aColumnLeftUnsetIsRefused() {
        RowTemplate.Row row = template.row().set(meetingId, meeting).set(text, null);

        assertThatThrownBy(row::values).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("no value for \"set_id\"");
    }

    @Test
    void aColumnOfAnotherStatementIsRefused() {
        Field<UUID> personId = DSL.field(DSL.name("person_id"), UUID.class);

        assertThatThrownBy(() -> template.row().set(personId, meeting)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("\"person_id\" is not a column of");
    }
}
