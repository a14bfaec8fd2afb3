package org.actionlearning.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;
import org.actionlearning.query.support.QueryServiceTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FairnessTest extends QueryServiceTest {

    private ProgrammeScenario s;

    @BeforeEach
    void rows() {
        s = ProgrammeScenario.insert(db);
    }

    @Test
    void fairnessOfASetMeetingByMeetingOverTheAttendees() {
        JsonNode fairness = getOk(facilitatorOf(s.alpha), "/api/sets/" + s.alpha + "/fairness");

        assertThat(fieldNames(fairness)).containsExactly("setId", "name", "presenterRotation", "meetings");
        assertText(fairness, "setId", s.alpha);
        assertText(fairness, "name", "Set Alpha");
        // current members Ann, Ben, Cat; presenters Ann, Ben, Dan; Dan has left, so 2 of 3
        assertNumber(fairness, "presenterRotation", 2.0 / 3);

        JsonNode meetings = fairness.get("meetings");
        // M1 (02-02) before M2 (03-02); M3 was never opened
        assertThat(meetings.findValuesAsText("meetingId")).containsExactly(s.m1.toString(), s.m2.toString());

        // M1: attendees Ann 0, Ben 2 + 1 = 3, Cat 1 → n = 3, total 4, mean 4/3
        JsonNode m1 = meetings.get(0);
        assertThat(fieldNames(m1)).containsExactly("meetingId", "heldOn", "attendees", "gini", "normalisedEntropy",
                "dominance", "silentMembers", "questionFocus", "openQuestionRatio", "members");
        assertText(m1, "heldOn", "2026-02-02");
        assertInt(m1, "attendees", 3);
        // Σ|xi − xj| over ordered pairs = 2 × (|0−3| + |0−1| + |3−1|) = 12; 12 / (2 × 3² × 4/3) = 0.5
        assertNumber(m1, "gini", 12 / (2 * 9 * (4.0 / 3)));
        assertNumber(m1, "normalisedEntropy", -(0.75 * Math.log(0.75) + 0.25 * Math.log(0.25)) / Math.log(3));
        assertNumber(m1, "dominance", 3 * (3.0 / 4));                   // 2.25
        assertThat(texts(m1.get("silentMembers"))).containsExactly(s.ann.toString());
        assertNumber(m1, "questionFocus", 3.0 / (3 + 1));               // questions 2 + 1, ADVICE 1
        assertNumber(m1, "openQuestionRatio", 2.0 / 3);
        JsonNode m1Members = m1.get("members");
        assertThat(m1Members.findValuesAsText("displayName")).containsExactly("Ann", "Ben", "Cat");
        assertThat(fieldNames(m1Members.get(0))).containsExactly("personId", "displayName", "questions",
                "openQuestions", "statements", "advice", "contributions", "presented", "erased");
        assertMember(m1Members.get(0), s.ann, "Ann", 0, 0, 0, 0, 0, 1);
        assertMember(m1Members.get(1), s.ben, "Ben", 2, 2, 1, 1, 3, 0);
        assertMember(m1Members.get(2), s.cat, "Cat", 1, 0, 0, 0, 1, 0);

        // M2 (scheduled 03-01, opened 03-02): Ann 2, Ben 0, Cat 2, Dan 2 → n = 4, total 6, mean 1.5
        JsonNode m2 = meetings.get(1);
        assertText(m2, "meetingId", s.m2);
        assertText(m2, "heldOn", "2026-03-02");
        assertInt(m2, "attendees", 4);
        // Ben differs from the other three by 2: ordered pairs 2 × 3 × 2 = 12; 12 / (2 × 4² × 1.5) = 0.25
        assertNumber(m2, "gini", 12 / (2 * 16 * 1.5));
        // shares ⅓, ⅓, ⅓, 0: −3 × ⅓ ln ⅓ / ln 4 = ln 3 / ln 4
        assertNumber(m2, "normalisedEntropy", Math.log(3) / Math.log(4));
        assertNumber(m2, "dominance", 4 * (2.0 / 6));
        assertThat(texts(m2.get("silentMembers"))).containsExactly(s.ben.toString());
        assertNumber(m2, "questionFocus", 6.0 / (6 + 0));
        assertNumber(m2, "openQuestionRatio", (1 + 1 + 0) / 6.0);
        JsonNode m2Members = m2.get("members");
        assertThat(m2Members.findValuesAsText("displayName")).containsExactly("Ann", "Ben", "Cat", "Dan");
        assertMember(m2Members.get(0), s.ann, "Ann", 2, 1, 0, 0, 2, 0);
        assertMember(m2Members.get(1), s.ben, "Ben", 0, 0, 0, 0, 0, 1);
        assertMember(m2Members.get(2), s.cat, "Cat", 2, 1, 0, 0, 2, 0);
        assertMember(m2Members.get(3), s.dan, "Dan", 2, 0, 0, 0, 2, 1);
    }

    @Test
    void meetingsWithoutQuestionsOrWithoutAnyContributionHaveNulls() {
        JsonNode fairness = getOk(facilitatorOf(s.beta), "/api/sets/" + s.beta + "/fairness");

        assertText(fairness, "name", "Set Beta");
        assertNumber(fairness, "presenterRotation", 1.0 / 2);          // Eve presented, Ann has not
        JsonNode meetings = fairness.get("meetings");
        assertThat(meetings.findValuesAsText("meetingId")).containsExactly(s.m4.toString(), s.m5.toString());

        // M4: Ann 2 statements (1 ADVICE), Eve presented and said nothing: counts 2, 0
        JsonNode m4 = meetings.get(0);
        assertText(m4, "heldOn", "2026-02-10");
        assertInt(m4, "attendees", 2);
        assertNumber(m4, "gini", (2 + 2) / (2 * 4 * 1.0));              // 0.5
        assertNumber(m4, "normalisedEntropy", 0.0);                    // −(1 ln 1 + 0 ln 0) / ln 2
        assertNumber(m4, "dominance", 2 * (2.0 / 2));
        assertThat(texts(m4.get("silentMembers"))).containsExactly(s.eve.toString());
        assertNumber(m4, "questionFocus", 0.0 / (0 + 1));
        assertNull(m4, "openQuestionRatio");                           // no questions
        assertMember(m4.get("members").get(0), s.ann, "Ann", 0, 0, 2, 1, 2, 0);
        assertMember(m4.get("members").get(1), s.eve, "Eve", 0, 0, 0, 0, 0, 1);

        // M5: both attendees silent, no participation rows at all
        JsonNode m5 = meetings.get(1);
        assertText(m5, "heldOn", "2026-03-10");
        assertInt(m5, "attendees", 2);
        assertNull(m5, "gini");
        assertNull(m5, "normalisedEntropy");
        assertNull(m5, "dominance");
        assertThat(texts(m5.get("silentMembers"))).containsExactly(s.ann.toString(), s.eve.toString());
        assertNull(m5, "questionFocus");
        assertNull(m5, "openQuestionRatio");
        assertMember(m5.get("members").get(0), s.ann, "Ann", 0, 0, 0, 0, 0, 0);
        assertMember(m5.get("members").get(1), s.eve, "Eve", 0, 0, 0, 0, 0, 0);
    }

    private static void assertMember(JsonNode member, UUID personId, String displayName, int questions,
                                     int openQuestions, int statements, int advice, int contributions,
                                     int presented) {
        assertText(member, "personId", personId);
        assertText(member, "displayName", displayName);
        assertInt(member, "questions", questions);
        assertInt(member, "openQuestions", openQuestions);
        assertInt(member, "statements", statements);
        assertInt(member, "advice", advice);
        assertInt(member, "contributions", contributions);
        assertInt(member, "presented", presented);
    }
}
