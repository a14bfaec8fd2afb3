package org.actionlearning.command.personaldata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code person_key} table: one AES key per person, null once the person was erased (a tombstone). */
@Repository
class PersonKeys {

    /** A person's row: {@code key} is empty once erased. */
    record StoredKey(UUID personId, Optional<byte[]> key) {
        boolean erased() {
            return key.isEmpty();
        }
    }

    private final JdbcTemplate jdbc;

    PersonKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredKey> find(UUID personId) {
        return first(jdbc.query("select person_id, key from person_key where person_id = ?", PersonKeys::row,
                personId));
    }

    /** The row, locked until the transaction ends (erasure and a concurrent first sealing wait on each other). */
    Optional<StoredKey> lock(UUID personId) {
        return first(jdbc.query("select person_id, key from person_key where person_id = ? for update",
                PersonKeys::row, personId));
    }

    /** Stores {@code key} unless the person already has a row; answers the row that is stored now. */
    StoredKey createIfAbsent(UUID personId, byte[] key) {
        jdbc.update("insert into person_key (person_id, key) values (?, ?) on conflict (person_id) do nothing",
                personId, key);
        return find(personId).orElseThrow();
    }

    /** Destroys the key, keeping the tombstone. */
    void destroy(UUID personId) {
        jdbc.update("update person_key set key = null, erased_at = now() where person_id = ?", personId);
    }

    private static StoredKey row(ResultSet rs, int rowNum) throws SQLException {
        return new StoredKey(rs.getObject("person_id", UUID.class), Optional.ofNullable(rs.getBytes("key")));
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.stream().findFirst();
    }
}
