package org.actionlearning.command.personaldata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.actionlearning.command.personaldata.MasterKeys.Wrapped;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The {@code person_key} table: one AES key per person, null once the person was erased (a tombstone). Keys are
 * wrapped with the master key on the way in and unwrapped on the way out: the table never holds a usable key.
 */
@Repository
class PersonKeys {

    /** A person's row: {@code key} (in plain, unwrapped) is empty once erased. */
    record StoredKey(UUID personId, Optional<byte[]> key) {
        boolean erased() {
            return key.isEmpty();
        }
    }

    private static final String COLUMNS = "select person_id, key, kek_id from person_key ";

    private final JdbcTemplate jdbc;
    private final MasterKeys masterKeys;

    PersonKeys(JdbcTemplate jdbc, MasterKeys masterKeys) {
        this.jdbc = jdbc;
        this.masterKeys = masterKeys;
    }

    Optional<StoredKey> find(UUID personId) {
        return first(jdbc.query(COLUMNS + "where person_id = ?", this::row, personId));
    }

    /** The row, locked until the transaction ends (erasure and a concurrent first sealing wait on each other). */
    Optional<StoredKey> lock(UUID personId) {
        return first(jdbc.query(COLUMNS + "where person_id = ? for update", this::row, personId));
    }

    /** Stores {@code key} (wrapped) unless the person already has a row; answers the row that is stored now. */
    StoredKey createIfAbsent(UUID personId, byte[] key) {
        Wrapped wrapped = masterKeys.wrap(personId, key);
        jdbc.update("insert into person_key (person_id, key, kek_id) values (?, ?, ?) on conflict (person_id) do nothing",
                personId, wrapped.bytes(), wrapped.kekId());
        return find(personId).orElseThrow();
    }

    /** Destroys the key, keeping the tombstone. */
    void destroy(UUID personId) {
        jdbc.update("update person_key set key = null, kek_id = null, erased_at = now() where person_id = ?",
                personId);
    }

    /**
     * Wraps with the current master key up to {@code limit} keys that are wrapped with another one (or stored in
     * plain by an earlier version); answers how many. Call it in a transaction: the rows stay locked until it
     * ends, and rows another transaction holds are left for the next call.
     */
    int rewrap(int limit) {
        List<Object[]> rows = jdbc.query(COLUMNS + "where key is not null and kek_id is distinct from ? "
                        + "order by person_id limit ? for update skip locked",
                (rs, n) -> new Object[] {rs.getObject("person_id", UUID.class), unwrapped(rs)},
                masterKeys.currentId(), limit);
        for (Object[] row : rows) {
            UUID personId = (UUID) row[0];
            Wrapped wrapped = masterKeys.wrap(personId, (byte[]) row[1]);
            jdbc.update("update person_key set key = ?, kek_id = ? where person_id = ?", wrapped.bytes(),
                    wrapped.kekId(), personId);
        }
        return rows.size();
    }

    private StoredKey row(ResultSet rs, int rowNum) throws SQLException {
        return new StoredKey(rs.getObject("person_id", UUID.class), Optional.ofNullable(unwrapped(rs)));
    }

    private byte[] unwrapped(ResultSet rs) throws SQLException {
        byte[] stored = rs.getBytes("key");
        String kekId = rs.getString("kek_id");
        if (stored == null || kekId == null) {
            return stored; // erased, or a key an earlier version stored in plain (wrapped at the next start)
        }
        return masterKeys.unwrap(rs.getObject("person_id", UUID.class), new Wrapped(kekId, stored));
    }

    private static <T> Optional<T> first(List<T> rows) {
        return rows.stream().findFirst();
    }
}
