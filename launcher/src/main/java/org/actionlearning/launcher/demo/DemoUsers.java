package org.actionlearning.launcher.demo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A user for each role in each demo programme, so a person trying the platform sees what a sponsor, a
 * facilitator, a member and an organisation's administrator each see. They share one demo password.
 */
public final class DemoUsers {

    public static final String PASSWORD = "demo-password";

    /** One demo user: a name, what they are, their grants. */
    public record DemoUser(String username, String role, List<String> grants, String personId) {
    }

    private DemoUsers() {
    }

    public static List<DemoUser> of(List<DemoProgramme> programmes, List<DemoLoader.Loaded> loaded) {
        List<DemoUser> users = new ArrayList<>();
        for (int i = 0; i < programmes.size(); i++) {
            DemoProgramme programme = programmes.get(i);
            DemoLoader.Loaded ids = loaded.get(i);
            String key = programme.key();
            String firstSet = ids.setIds().values().iterator().next().toString();
            users.add(new DemoUser("admin." + key, "ADMIN of " + programme.organisation(),
                    List.of("ADMIN:" + programme.organisation()), null));
            users.add(new DemoUser("sponsor." + key, "SPONSOR of " + programme.name(),
                    List.of("SPONSOR:" + ids.programmeId()), null));
            users.add(new DemoUser("facilitator." + key, "FACILITATOR of its sets",
                    ids.setIds().values().stream().map(id -> "FACILITATOR:" + id).toList(), null));
            users.add(new DemoUser("member." + key, "MEMBER of " + ids.setIds().keySet().iterator().next(),
                    List.of("MEMBER:" + firstSet), ids.firstMemberId().toString()));
        }
        return users;
    }

    /** The names and roles written by an earlier start ({@code username TAB role} per line); none if absent. */
    public static List<DemoUser> readFrom(java.nio.file.Path file) throws IOException {
        if (!java.nio.file.Files.exists(file)) {
            return List.of();
        }
        return java.nio.file.Files.readAllLines(file).stream().filter(l -> l.contains("\t"))
                .map(l -> new DemoUser(l.substring(0, l.indexOf('\t')), l.substring(l.indexOf('\t') + 1), List.of(),
                        null)).toList();
    }

    /** Creates the users that do not exist yet (a second run finds them and changes nothing). */
    public static void create(String commandUrl, String authorization, List<DemoUser> users) {
        JsonHttp commands = new JsonHttp(commandUrl, authorization);
        for (DemoUser user : users) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("username", user.username());
            body.put("password", PASSWORD);
            body.put("personId", user.personId());
            body.put("grants", user.grants());
            try {
                // no idempotency key: its fingerprint of the body would keep a digest of the password
                JsonHttp.Answer answer = commands.post("/api/users", body, null);
                if (!answer.successful() && answer.status() != 409) {
                    throw new DemoLoadException("Creating demo user " + user.username() + " was answered "
                            + answer.status() + ": " + answer.raw(), null);
                }
            } catch (IOException e) {
                throw new DemoLoadException("Creating demo user " + user.username() + " failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoLoadException("Interrupted", e);
            }
        }
    }
}
