package org.actionlearning.command.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.support.Accounts;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.command.support.Scenario;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.Test;

/**
 * A member reports on their own actions only: another member of the same set is refused each of the four
 * follow-up commands; the owner and the set's facilitator are not.
 */
class ActionOwnerTest extends CommandServiceTest {

    @Test
    void onlyTheOwnerOrTheFacilitatorFollowsAnActionUp() {
        Scenario scenario = new Scenario(http);
        UUID set = scenario.formSet(scenario.launchProgramme("Owners"), "Set");
        List<UUID> people = scenario.addMembers(set, 2);
        UUID meeting = scenario.scheduleMeeting(set, "2026-06-01");
        scenario.openMeeting(set, meeting, people);
        UUID challenge = scenario.present(set, meeting, people.get(0), "Rotas");
        UUID action = scenario.commitAction(set, meeting, challenge, people.get(0), "2026-06-20");

        Accounts accounts = new Accounts(http);
        HttpJson owner = accounts.create("own", people.get(0), List.of("MEMBER:" + set));
        HttpJson colleague = accounts.create("col", people.get(1), List.of("MEMBER:" + set));
        HttpJson facilitator = accounts.create("fac", List.of("FACILITATOR:" + set));
        String path = "/api/actions/" + action;

        assertThat(colleague.post(path + "/progress", Map.of("reportedOn", "2026-06-02", "percentComplete", 10))
                .status()).isEqualTo(403);
        assertThat(colleague.post(path + "/reschedule", Map.of("dueOn", "2026-07-01")).status()).isEqualTo(403);
        assertThat(colleague.post(path + "/abandon", Map.of("abandonedOn", "2026-06-02", "reason", "x")).status())
                .isEqualTo(403);
        assertThat(colleague.post(path + "/complete", Map.of("completedOn", "2026-06-02")).status()).isEqualTo(403);

        assertThat(owner.post(path + "/progress", Map.of("reportedOn", "2026-06-02", "percentComplete", 40))
                .status()).isEqualTo(200);
        assertThat(facilitator.post(path + "/reschedule", Map.of("dueOn", "2026-07-01")).status()).isEqualTo(200);
        assertThat(owner.post(path + "/complete", Map.of("completedOn", "2026-06-03", "evidence", "Rota live"))
                .status()).isEqualTo(200);
    }
}
