package org.actionlearning.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.actionlearning.projection.schema.EngineTables;
import org.actionlearning.query.jooq.Tables;
import org.jooq.Field;
import org.jooq.Table;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The projection engine declares its tables by hand; the query service's migrations create them and its jOOQ classes
 * are generated from the migrated schema. Each engine table must have the generated table's columns, with the same
 * Java types, so that a migration that changes one of them is caught here rather than by a failing projection.
 */
class EngineTablesMatchMigrationsTest {

    static Stream<Arguments> tables() {
        return Stream.of(
                Arguments.of(EngineTables.CONSUMER_OFFSET, Tables.CONSUMER_OFFSET),
                Arguments.of(EngineTables.AGGREGATE_POSITION, Tables.AGGREGATE_POSITION),
                Arguments.of(EngineTables.APPLIED_EVENT, Tables.APPLIED_EVENT),
                Arguments.of(EngineTables.DEAD_LETTER, Tables.DEAD_LETTER),
                Arguments.of(EngineTables.PARKED_EVENT, Tables.PARKED_EVENT));
    }

    @ParameterizedTest
    @MethodSource("tables")
    void theEngineTableHasTheMigratedColumns(Table<?> engine, Table<?> migrated) {
        assertThat(engine.getName()).isEqualTo(migrated.getName());
        assertThat(columns(engine)).isEqualTo(columns(migrated));
    }

    /** Each column's name, its Java type and whether it may be null. */
    private static Map<String, List<Object>> columns(Table<?> table) {
        return Stream.of(table.fields()).collect(Collectors.toMap(Field::getName,
                field -> List.of(field.getType(), field.getDataType().nullable())));
    }
}
