package org.actionlearning.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.actionlearning.query.support.QueryServiceTest;
import org.junit.jupiter.api.Test;

class ProgrammeListTest extends QueryServiceTest {

    @Test
    void listsEveryProgrammeWithItsSetsAndDistinctActiveMembers() {
        ProgrammeScenario s = ProgrammeScenario.insert(db);

        JsonNode list = getOk("/api/programmes");

        assertThat(list.isArray()).isTrue();
        List<String> ids = list.findValuesAsText("programmeId");
        // ordered by start date: 2026-01-05 before 2026-06-01
        assertThat(ids.indexOf(s.programme.toString())).isNotNegative()
                .isLessThan(ids.indexOf(s.emptyProgramme.toString()));

        JsonNode programme = list.get(ids.indexOf(s.programme.toString()));
        assertThat(fieldNames(programme)).containsExactly(
                "programmeId", "organisation", "name", "sponsor", "startsOn", "currency", "sets", "members");
        assertText(programme, "organisation", "Northwind Health");
        assertText(programme, "name", "Leading Change");
        assertText(programme, "sponsor", "Chief Nurse");
        assertText(programme, "startsOn", "2026-01-05");
        assertText(programme, "currency", "GBP");
        assertInt(programme, "sets", 2);
        // Alpha: Ann, Ben, Cat active (Dan left); Beta: Ann, Eve. Distinct: Ann, Ben, Cat, Eve
        assertInt(programme, "members", 4);

        JsonNode empty = list.get(ids.indexOf(s.emptyProgramme.toString()));
        assertText(empty, "name", "Quiet Programme");
        assertText(empty, "sponsor", "Chief Operating Officer");
        assertText(empty, "startsOn", "2026-06-01");
        assertText(empty, "currency", "EUR");
        assertInt(empty, "sets", 0);
        assertInt(empty, "members", 0);
    }
}
