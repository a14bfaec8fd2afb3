package org.actionlearning.launcher.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.actionlearning.launcher.demo.DemoProgramme.Abandonment;
import org.actionlearning.launcher.demo.DemoProgramme.Action;
import org.actionlearning.launcher.demo.DemoProgramme.Attribution;
import org.actionlearning.launcher.demo.DemoProgramme.Challenge;
import org.actionlearning.launcher.demo.DemoProgramme.Completion;
import org.actionlearning.launcher.demo.DemoProgramme.Contribution;
import org.actionlearning.launcher.demo.DemoProgramme.Cost;
import org.actionlearning.launcher.demo.DemoProgramme.FollowUp;
import org.actionlearning.launcher.demo.DemoProgramme.LearningSet;
import org.actionlearning.launcher.demo.DemoProgramme.Meeting;
import org.actionlearning.launcher.demo.DemoProgramme.Member;
import org.actionlearning.launcher.demo.DemoProgramme.Metric;
import org.actionlearning.launcher.demo.DemoProgramme.Point;
import org.actionlearning.launcher.demo.DemoProgramme.Progress;
import org.actionlearning.launcher.demo.DemoProgramme.Question;
import org.actionlearning.launcher.demo.DemoProgramme.Reflection;
import org.actionlearning.launcher.demo.DemoProgramme.Rescheduling;
import org.actionlearning.launcher.demo.DemoProgramme.Statement;

/**
 * Loads demo programmes through the command API over HTTP, so every demo event travels the whole pipeline
 * (command service, event store, relay, Kafka, projections) like any other.
 *
 * <p>Idempotent: every POST carries an {@code Idempotency-Key} made of the programme and the step
 * ({@code demo:healthcare:question:7}). On a second run the command service answers each step with the answer it
 * stored the first time (same created ids, header {@code Idempotent-Replayed: true}) and records no event; a run
 * that failed half-way continues where it stopped. The keys follow the order of the script, so a programme's
 * script must not change once it has been loaded into a data directory (the service refuses a key reused for a
 * different request with 422, which stops the load).
 *
 * <p>Fails loudly: any answer other than 2xx ends the load with a {@link DemoLoadException} naming the step, the
 * request and the answer's body.
 */
public final class DemoLoader {

    /** How long {@link #awaitQuerySide} waits by default. */
    public static final Duration QUERY_SIDE_TIMEOUT = Duration.ofSeconds(60);
    private static final int PROGRESS_EVERY = 20;

    private final JsonHttp commands;
    private final PrintStream out;

    /** @param authorization the {@code Authorization} header of an administrator of the demo organisations */
    public DemoLoader(String commandUrl, String authorization, PrintStream out) {
        this.commands = new JsonHttp(commandUrl, authorization);
        this.out = out;
    }

    /**
     * What loading one programme did: its ids, how many commands were sent and how many of them the service had
     * seen before (answered from its idempotency store, creating nothing).
     */
    public record Loaded(String key, String name, UUID programmeId, Map<String, UUID> setIds, UUID firstMemberId,
                         int commands, int replayed) {
        public int created() {
            return commands - replayed;
        }
    }

    public List<Loaded> load(List<DemoProgramme> programmes) {
        List<Loaded> loaded = new ArrayList<>();
        for (DemoProgramme programme : programmes) {
            loaded.add(load(programme));
        }
        return loaded;
    }

    public Loaded load(DemoProgramme programme) {
        Ids ids = new Ids(programme.key());
        List<Step> steps = new Plan(programme, ids).steps;
        int replayed = 0;
        for (int i = 0; i < steps.size(); i++) {
            if (send(steps.get(i))) {
                replayed++;
            }
            int done = i + 1;
            if (done % PROGRESS_EVERY == 0 || done == steps.size()) {
                out.printf("Loading demo data: %s %d/%d ...%n", programme.key(), done, steps.size());
            }
        }
        out.printf("Demo data: %s (%s) done, %d commands: %d new, %d already loaded%n", programme.key(),
                programme.name(), steps.size(), steps.size() - replayed, replayed);
        Map<String, UUID> setIds = new LinkedHashMap<>();
        programme.sets().forEach(set -> setIds.put(set.name(), ids.of(set)));
        UUID firstMember = ids.of(programme.sets().get(0).members().get(0));
        return new Loaded(programme.key(), programme.name(), ids.of(programme), setIds, firstMember, steps.size(),
                replayed);
    }

    /** Sends one step; true if the service replayed a stored answer. */
    private boolean send(Step step) {
        Request request = step.request().get();
        JsonHttp.Answer answer;
        try {
            answer = commands.post(request.path(), request.body(), step.key());
        } catch (IOException e) {
            throw new DemoLoadException("Demo step " + step.key() + " (POST " + commands.url(request.path())
                    + ") failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoLoadException("Demo step " + step.key() + " interrupted", e);
        }
        if (!answer.successful()) {
            throw new DemoLoadException("Demo step " + step.key() + " (POST " + request.path() + " "
                    + JsonHttp.write(request.body()) + ") was answered " + answer.status() + ": " + answer.raw());
        }
        try {
            step.onAnswer().accept(answer.body());
        } catch (RuntimeException e) {
            throw new DemoLoadException("Demo step " + step.key() + " (POST " + request.path() + "): unexpected answer "
                    + answer.status() + " " + answer.raw() + ": " + e.getMessage(), e);
        }
        return answer.replayed();
    }

    /**
     * Waits until the query side lists every programme by name (GET /api/programmes), so that whoever is told the
     * platform is ready finds the demo there.
     */
    public static void awaitQuerySide(String queryUrl, String authorization, List<DemoProgramme> programmes,
                                      Duration timeout, PrintStream out) {
        JsonHttp queries = new JsonHttp(queryUrl, authorization);
        Set<String> wanted = new LinkedHashSet<>();
        programmes.forEach(p -> wanted.add(p.name()));
        out.println("Waiting for the query side to show " + wanted + " ...");
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (true) {
            try {
                JsonHttp.Answer answer = queries.get("/api/programmes");
                if (answer.successful() && answer.body().isArray()) {
                    Set<String> seen = new LinkedHashSet<>();
                    answer.body().forEach(p -> seen.add(p.path("name").asText()));
                    if (seen.containsAll(wanted)) {
                        out.println("Demo data visible on the query side.");
                        return;
                    }
                    last = "programmes listed: " + seen;
                } else {
                    last = answer.status() + " " + answer.raw();
                }
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoLoadException("Interrupted while waiting for the query side", e);
            }
            if (System.nanoTime() > deadline) {
                throw new DemoLoadException("The query side (" + queries.url("/api/programmes") + ") did not show "
                        + wanted + " within " + timeout.toSeconds() + " s; last answer: " + last);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoLoadException("Interrupted while waiting for the query side", e);
            }
        }
    }

    // ---- the plan: one step per command, in the order of the script ----

    private record Request(String path, Map<String, Object> body) {
    }

    private record Step(String key, Supplier<Request> request, Consumer<JsonNode> onAnswer) {
    }

    /** The ids the command service created, by the script object they belong to. */
    private static final class Ids {
        private final String programmeKey;
        private final Map<Object, UUID> ids = new IdentityHashMap<>();

        Ids(String programmeKey) {
            this.programmeKey = programmeKey;
        }

        UUID of(Object scriptObject) {
            UUID id = ids.get(scriptObject);
            if (id == null) {
                throw new IllegalStateException(programmeKey + ": no id yet for " + scriptObject);
            }
            return id;
        }

        Consumer<JsonNode> put(Object scriptObject, String field) {
            return answer -> {
                JsonNode id = answer.path(field);
                if (!id.isTextual()) {
                    throw new IllegalStateException("the answer has no " + field);
                }
                ids.put(scriptObject, UUID.fromString(id.asText()));
            };
        }
    }

    private static final class Plan {
        private final String key;
        private final Ids ids;
        private final List<Step> steps = new ArrayList<>();
        private final Map<String, Integer> counters = new LinkedHashMap<>();

        Plan(DemoProgramme programme, Ids ids) {
            this.key = programme.key();
            this.ids = ids;
            launch(programme);
            for (LearningSet set : programme.sets()) {
                form(programme, set);
            }
            for (LearningSet set : programme.sets()) {
                for (Meeting meeting : set.meetings()) {
                    for (Challenge challenge : meeting.challenges()) {
                        for (Action action : challenge.actions()) {
                            followUps(action);
                        }
                    }
                }
            }
            for (Metric metric : programme.metrics()) {
                measure(programme, metric);
            }
            for (Cost cost : programme.costs()) {
                step("cost", () -> request("/api/programmes/" + ids.of(programme) + "/costs",
                        "category", cost.category(), "amount", cost.amount(), "incurredOn", cost.incurredOn(),
                        "note", cost.note()));
            }
        }

        private void launch(DemoProgramme programme) {
            step("programme", () -> request("/api/programmes", "organisation", programme.organisation(),
                    "name", programme.name(), "sponsor", programme.sponsor(), "startsOn", programme.startsOn(),
                    "currency", programme.currency()), ids.put(programme, "programmeId"));
        }

        private void form(DemoProgramme programme, LearningSet set) {
            step("set", () -> request("/api/sets", "programmeId", ids.of(programme), "name", set.name(),
                    "facilitatorName", set.facilitatorName()), ids.put(set, "setId"));
            for (Member member : set.members()) {
                step("member", () -> request(setPath(set) + "/members", "displayName", member.displayName()),
                        ids.put(member, "personId"));
            }
            for (Meeting meeting : set.meetings()) {
                hold(set, meeting);
            }
        }

        private void hold(LearningSet set, Meeting meeting) {
            Supplier<String> path = () -> setPath(set) + "/meetings/" + ids.of(meeting);
            step("meeting", () -> request(setPath(set) + "/meetings", "scheduledFor", meeting.heldOn()),
                    ids.put(meeting, "meetingId"));
            step("open", () -> request(path.get() + "/open",
                    "attendees", meeting.attendees().stream().map(ids::of).toList()));
            for (Challenge challenge : meeting.challenges()) {
                step("challenge", () -> request(path.get() + "/challenges", "presenterId", ids.of(challenge.presenter()),
                        "title", challenge.title(), "summary", challenge.summary()), ids.put(challenge, "challengeId"));
                for (Contribution contribution : challenge.contributions()) {
                    if (contribution instanceof Question q) {
                        step("question", () -> request(path.get() + "/questions", "challengeId", ids.of(challenge),
                                "askerId", ids.of(q.asker()), "form", q.form(), "text", q.text()));
                    } else if (contribution instanceof Statement s) {
                        step("statement", () -> request(path.get() + "/statements", "speakerId", ids.of(s.speaker()),
                                "kind", s.kind(), "challengeId", ids.of(challenge), "text", s.text()));
                    }
                }
                for (Action action : challenge.actions()) {
                    step("action", () -> request(path.get() + "/actions", "challengeId", ids.of(challenge),
                            "ownerId", ids.of(challenge.presenter()), "description", action.description(),
                            "dueOn", action.dueOn()), ids.put(action, "actionId"));
                }
            }
            for (Reflection reflection : meeting.reflections()) {
                step("reflection", () -> request(path.get() + "/reflections", "personId", ids.of(reflection.author()),
                        "text", reflection.text()));
            }
            step("close", () -> request(path.get() + "/close"));
        }

        private void followUps(Action action) {
            Supplier<String> path = () -> "/api/actions/" + ids.of(action);
            for (FollowUp followUp : action.followUps()) {
                if (followUp instanceof Progress p) {
                    step("progress", () -> request(path.get() + "/progress", "reportedOn", p.reportedOn(),
                            "percentComplete", p.percentComplete(), "note", p.note()));
                } else if (followUp instanceof Completion c) {
                    step("complete", () -> request(path.get() + "/complete", "completedOn", c.completedOn(),
                            "evidence", c.evidence()));
                } else if (followUp instanceof Abandonment a) {
                    step("abandon", () -> request(path.get() + "/abandon", "abandonedOn", a.abandonedOn(),
                            "reason", a.reason()));
                } else if (followUp instanceof Rescheduling r) {
                    step("reschedule", () -> request(path.get() + "/reschedule", "dueOn", r.dueOn(),
                            "reason", r.reason()));
                }
            }
        }

        private void measure(DemoProgramme programme, Metric metric) {
            step("metric", () -> request("/api/outcomes", "programmeId", ids.of(programme),
                    "challengeId", metric.challenge() == null ? null : ids.of(metric.challenge()),
                    "name", metric.name(), "unit", metric.unit(), "direction", metric.direction(),
                    "period", metric.period(), "valuePerUnit", metric.valuePerUnit(),
                    "target", metric.target() == null ? null : body("changePercent", metric.target().changePercent(),
                            "withinDays", metric.target().withinDays())), ids.put(metric, "metricId"));
            Supplier<String> path = () -> "/api/outcomes/" + ids.of(metric);
            for (Point point : metric.baseline()) {
                step("baseline", () -> request(path.get() + "/baseline", "measuredOn", point.measuredOn(),
                        "value", point.value()));
            }
            for (Point point : metric.followUps()) {
                step("measurement", () -> request(path.get() + "/measurements", "measuredOn", point.measuredOn(),
                        "value", point.value()));
            }
            for (Attribution estimate : metric.attributions()) {
                step("attribution", () -> request(path.get() + "/attributions",
                        "attributionPercent", estimate.attributionPercent(),
                        "confidencePercent", estimate.confidencePercent(),
                        "estimatedBy", estimate.estimatedBy() == null ? null : ids.of(estimate.estimatedBy())));
            }
        }

        private String setPath(LearningSet set) {
            return "/api/sets/" + ids.of(set);
        }

        private void step(String kind, Supplier<Request> request) {
            step(kind, request, answer -> { });
        }

        private void step(String kind, Supplier<Request> request, Consumer<JsonNode> onAnswer) {
            int n = counters.merge(kind, 1, Integer::sum);
            steps.add(new Step("demo:" + key + ":" + kind + ":" + n, request, onAnswer));
        }
    }

    private static Request request(String path, Object... fields) {
        return new Request(path, body(fields));
    }

    /** A JSON object in the order given, without null fields; dates and enums as their ISO / constant names. */
    private static Map<String, Object> body(Object... fields) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            Object value = fields[i + 1];
            if (value == null) {
                continue;
            }
            if (value instanceof LocalDate date) {
                value = date.toString();
            } else if (value instanceof Enum<?> constant) {
                value = constant.name();
            }
            body.put((String) fields[i], value);
        }
        return body;
    }
}
