package org.actionlearning.query.read.set;

import static org.actionlearning.query.jooq.Tables.LEARNING_SET;
import static org.actionlearning.query.jooq.Tables.SET_MEMBER;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.actionlearning.query.read.PersonalValues;
import org.actionlearning.query.read.PersonalValues.Disclosure;
import org.actionlearning.query.read.ReadSnapshot;
import org.actionlearning.query.read.UnknownResource;
import org.actionlearning.query.read.set.Roster.Member;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.Record5;
import org.jooq.Result;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;

/**
 * Which sets a programme has and who is in a set: what the pages need to link to a set and to record a meeting.
 * Rows are read in one snapshot; names are opened after it.
 */
@Service
public class SetQueries {

    private final DSLContext db;
    private final PersonalValues personal;
    private final ReadSnapshot snapshot;

    SetQueries(DSLContext db, PersonalValues personal, ReadSnapshot snapshot) {
        this.db = db;
        this.personal = personal;
        this.snapshot = snapshot;
    }

    /**
     * Every set of every programme, by name, with the facilitator's name for the sets in {@code namedFor} only (the
     * reader's own sets): sponsors and administrators see that a set has a facilitator, not who it is. The other
     * names are not even opened.
     */
    public List<SetEntry> sets(Set<UUID> namedFor) {
        var rows = snapshot.read(() -> entries(DSL.noCondition()));
        Disclosure names = personal.disclose(rows.stream().filter(row -> namedFor.contains(row.value1()))
                .map(Record5::value4).toList(), List.of());
        return rows.map(row -> namedFor.contains(row.value1()) ? entry(row, names)
                : new SetEntry(row.value1(), row.value2(), row.value3(), null, row.value5()));
    }

    public Roster roster(UUID setId) {
        record Read(Record5<UUID, UUID, String, String, Integer> set, Result<Record2<UUID, String>> members) {
        }
        Read read = snapshot.read(() -> {
            var set = entries(LEARNING_SET.SET_ID.eq(setId)).stream().findFirst()
                    .orElseThrow(() -> new UnknownResource("setId", "learning set", setId));
            return new Read(set, db.select(SET_MEMBER.PERSON_ID, SET_MEMBER.DISPLAY_NAME)
                    .from(SET_MEMBER)
                    .where(SET_MEMBER.SET_ID.eq(setId)).and(SET_MEMBER.ACTIVE.isTrue())
                    .fetch());
        });
        var rows = read.members();
        List<String> stored = new ArrayList<>(rows.map(Record2::value2));
        stored.add(read.set().value4());
        // one call to the vault opens the facilitator's name and the members'
        Disclosure names = personal.disclose(stored, rows.map(Record2::value1));
        List<Member> members = rows.stream()
                .map(row -> new Member(row.value1(), names.text(row.value2()), names.erased(row.value1(), row.value2())))
                .sorted(Comparator.comparing(Member::displayName, PersonalValues.BY_NAME)
                        .thenComparing(Member::personId))
                .toList();
        return new Roster(entry(read.set(), names), members);
    }

    private Result<Record5<UUID, UUID, String, String, Integer>> entries(Condition which) {
        return db.select(LEARNING_SET.SET_ID, LEARNING_SET.PROGRAMME_ID, LEARNING_SET.NAME,
                        LEARNING_SET.FACILITATOR_NAME, activeMembers())
                .from(LEARNING_SET)
                .where(which)
                .orderBy(LEARNING_SET.NAME, LEARNING_SET.SET_ID)
                .fetch();
    }

    private static SetEntry entry(Record5<UUID, UUID, String, String, Integer> row, Disclosure names) {
        return new SetEntry(row.value1(), row.value2(), row.value3(), names.text(row.value4()), row.value5());
    }

    private static Field<Integer> activeMembers() {
        return DSL.field(DSL.selectCount().from(SET_MEMBER)
                .where(SET_MEMBER.SET_ID.eq(LEARNING_SET.SET_ID)).and(SET_MEMBER.ACTIVE.isTrue()));
    }
}
