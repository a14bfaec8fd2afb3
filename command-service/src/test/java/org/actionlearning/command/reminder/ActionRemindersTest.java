package org.actionlearning.command.reminder;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.actionlearning.command.support.Accounts;
import org.actionlearning.command.support.CommandServiceTest;
import org.actionlearning.command.support.Scenario;
import org.actionlearning.eventstore.backfill.StoredEventsBackfill;
import org.actionlearning.testsupport.HttpJson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminder emails through a real SMTP server (GreenMail): one per due action per day however often the job runs,
 * another the next day, none for an action not yet due, a closed action or an erased person.
 */
class ActionRemindersTest extends CommandServiceTest {

    private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        SMTP.start();
    }

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 10);

    @Autowired
    DueActions dueActions;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    StoredEventsBackfill backfill;

    @AfterAll
    static void stopSmtp() {
        SMTP.stop();
    }

    @Test
    void oneEmailPerDueActionPerDayAndNoneOnceErased() throws Exception {
        Scenario scenario = new Scenario(http);
        UUID programme = scenario.launchProgramme("Reminders");
        UUID set = scenario.formSet(programme, "Wards");
        List<UUID> people = scenario.addMembers(set, 3);
        UUID ann = people.get(0);
        UUID bob = people.get(1);
        UUID meeting = scenario.scheduleMeeting(set, "2026-06-01");
        scenario.openMeeting(set, meeting, people);
        UUID challenge = scenario.present(set, meeting, ann, "Discharges");
        UUID annSoon = scenario.commitAction(set, meeting, challenge, ann, "2026-06-13");    // in 3 days
        scenario.commitAction(set, meeting, challenge, ann, "2026-06-20");                  // in 10 days: not yet
        UUID annDone = scenario.commitAction(set, meeting, challenge, ann, "2026-06-11");    // completed below
        UUID bobLate = scenario.commitAction(set, meeting, scenario.present(set, meeting, bob, "Rotas"), bob,
                "2026-06-08");                                                              // 2 days overdue
        UUID cy = people.get(2);
        scenario.commitAction(set, meeting, scenario.present(set, meeting, cy, "Beds"), cy, "2026-06-09"); // no address
        Scenario.ok(http.post("/api/actions/" + annDone + "/complete", Map.of("completedOn", "2026-06-05")));

        Accounts accounts = new Accounts(http);
        String annAddress = "ann-" + ann + "@example.org";
        String bobAddress = "bob-" + bob + "@example.org";
        setEmail(accounts.create("ann", ann, List.of("MEMBER:" + set)), annAddress);
        setEmail(accounts.create("bob", bob, List.of("MEMBER:" + set)), bobAddress);

        ActionReminders reminders = new ActionReminders(dueActions, sender(), jdbc, transactions,
                new ReminderProperties(7, Duration.ofHours(1), "reminders@example.org",
                        "http://localhost/me/actions", Duration.ofDays(60)));

        reminders.remind(TODAY);
        reminders.remind(TODAY);
        assertThat(received(annAddress)).containsExactly("Action due on 2026-06-13");
        assertThat(received(bobAddress)).containsExactly("Action overdue since 2026-06-08");
        assertThat(bodyTo(bobAddress)).contains("was due on 2026-06-08 (2 days ago)")
                .contains("http://localhost/me/actions").doesNotContain("Do the thing");
        assertThat(bodyTo(annAddress)).contains("committed to on 2026-06-01").contains("(in 3 days)");
        assertThat(sentRows(annSoon, bobLate)).isEqualTo(2);

        reminders.remind(TODAY.plusDays(1));
        reminders.remind(TODAY.plusDays(1));
        assertThat(received(annAddress)).hasSize(2);
        assertThat(received(bobAddress)).containsExactly("Action overdue since 2026-06-08",
                "Action overdue since 2026-06-08");

        assertThat(http.delete("/api/people/" + bob).status()).isEqualTo(204);
        assertThat(jdbc.queryForObject("select count(*) from app_user where person_id = ? and reminder_email is not null",
                Integer.class, bob)).isZero();
        reminders.remind(TODAY.plusDays(2));
        assertThat(received(annAddress)).hasSize(3);
        assertThat(received(bobAddress)).hasSize(2);
    }

    @Test
    void anAccountSetsAndClearsOnlyItsOwnAddress() {
        Scenario scenario = new Scenario(http);
        UUID set = scenario.formSet(scenario.launchProgramme("Addresses"), "Set");
        UUID cy = scenario.addMembers(set, 1).get(0);
        Accounts accounts = new Accounts(http);
        HttpJson member = accounts.create("cy", cy, List.of("MEMBER:" + set));
        assertThat(member.get("/api/account/email").raw()).isEqualTo("{\"email\":null}");
        setEmail(member, "cy@example.org");
        assertThat(member.get("/api/account/email").body().path("email").asText()).isEqualTo("cy@example.org");

        HttpJson.Response invalid = member.send("PUT", "/api/account/email", "{\"email\":\"not an address\"}",
                Map.of());
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.raw()).contains("email");
        // an account that is no person has no actions to be reminded of
        HttpJson sponsor = accounts.create("spo", List.of("MEMBER:" + set));
        assertThat(sponsor.send("PUT", "/api/account/email", "{\"email\":\"s@example.org\"}", Map.of()).status())
                .isEqualTo(409);

        setEmail(member, "");
        assertThat(jdbc.queryForObject("select reminder_email from app_user where person_id = ?", String.class, cy)).isNull();
    }

    /** A store with actions from before the table existed: filled from its events, reschedules and closes applied. */
    @Test
    void theTableIsFilledFromTheEventStoreOnce() {
        Scenario scenario = new Scenario(http);
        UUID set = scenario.formSet(scenario.launchProgramme("Backfill"), "Set");
        UUID dee = scenario.addMembers(set, 1).get(0);
        UUID meeting = scenario.scheduleMeeting(set, "2026-06-01");
        scenario.openMeeting(set, meeting, List.of(dee));
        UUID challenge = scenario.present(set, meeting, dee, "Handover");
        UUID moved = scenario.commitAction(set, meeting, challenge, dee, "2026-06-12");
        UUID closed = scenario.commitAction(set, meeting, challenge, dee, "2026-06-13");
        Scenario.ok(http.post("/api/actions/" + moved + "/reschedule", Map.of("dueOn", "2026-07-01")));
        Scenario.ok(http.post("/api/actions/" + closed + "/abandon", Map.of("abandonedOn", "2026-06-02",
                "reason", "not needed")));
        String rows = "select action_id || ' ' || due_on from due_action where owner_id = ?";
        assertThat(jdbc.queryForList(rows, String.class, dee)).containsExactly(moved + " 2026-07-01");

        jdbc.update("delete from due_action");
        backfill.run(null);
        assertThat(jdbc.queryForList(rows, String.class, dee)).containsExactly(moved + " 2026-07-01");
    }

    private static void setEmail(HttpJson client, String email) {
        HttpJson.Response response = client.send("PUT", "/api/account/email",
                "{\"email\":\"" + email + "\"}", Map.of());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
    }

    private int sentRows(UUID... actions) {
        return jdbc.queryForObject("select count(*) from action_reminder_sent where action_id = any (?)",
                Integer.class, (Object) actions);
    }

    private static JavaMailSenderImpl sender() {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("localhost");
        sender.setPort(SMTP.getSmtp().getPort());
        return sender;
    }

    private static List<String> received(String address) throws MessagingException {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> to(m, address)).map(m -> {
            try {
                return m.getSubject();
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String bodyTo(String address) throws Exception {
        for (MimeMessage message : SMTP.getReceivedMessages()) {
            if (to(message, address)) {
                return message.getContent().toString();
            }
        }
        throw new AssertionError("no email to " + address);
    }

    private static boolean to(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
