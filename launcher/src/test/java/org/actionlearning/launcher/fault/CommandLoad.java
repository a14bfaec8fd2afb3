package org.actionlearning.launcher.fault;

import org.actionlearning.testsupport.TestIdentity;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Real HTTP commands against the command service from background threads (one per open meeting, so one per set
 * aggregate): questions and statements into the meeting, costs into its programme. Every command carries an
 * {@code Idempotency-Key} and is recorded with what came back: a 2xx with the id of what it created, a 4xx, no
 * connection at all, or no answer (a timeout, a reset connection, a 5xx), whose effect is unknown until it is
 * retried with the same key.
 */
final class CommandLoad {

    enum Kind { QUESTION, STATEMENT, COST }

    enum Outcome {
        /** a 2xx on the first attempt */
        ACKNOWLEDGED,
        /** no answer at first; a retry with the same key got a 2xx (the stored answer, or a first handling) */
        ACKNOWLEDGED_ON_RETRY,
        /** a 4xx: nothing recorded */
        REJECTED,
        /** the connection was refused: the request never reached the service */
        NOT_SENT,
        /** no answer (timeout, reset connection, 5xx): the effect is unknown until a retry */
        UNANSWERED
    }

    /** An open meeting of a set with a challenge being presented: where the load goes. */
    record Target(UUID programmeId, UUID setId, UUID meetingId, UUID challengeId, UUID presenterId,
                  List<UUID> attendees) {
        String meetingPath() {
            return "/api/sets/" + setId + "/meetings/" + meetingId;
        }
    }

    /** One command sent, and what is known about its outcome. */
    static final class Command {
        final String idempotencyKey = UUID.randomUUID().toString();
        final Kind kind;
        final Target target;
        final UUID personId;
        final String path;
        final String body;
        final long amount;
        volatile Outcome outcome;
        volatile UUID createdId;
        volatile int status;
        /** What the first attempt got: an HTTP status, or 0 without one (no connection, no answer). */
        volatile int firstStatus = -1;

        Command(Kind kind, Target target, UUID personId, String path, String body, long amount) {
            this.kind = kind;
            this.target = target;
            this.personId = personId;
            this.path = path;
            this.body = body;
            this.amount = amount;
        }

        boolean acknowledged() {
            return outcome == Outcome.ACKNOWLEDGED || outcome == Outcome.ACKNOWLEDGED_ON_RETRY;
        }
    }

    private static final long PAUSE_MILLIS = 20;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] STATEMENT_KINDS = {"ANSWER", "ADVICE", "REFLECTION", "OTHER"};
    private static final String[] COST_CATEGORIES = {"FACILITATION", "PARTICIPANT_TIME", "VENUE", "MATERIALS",
            "TRAVEL", "OTHER"};

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final ConcurrentLinkedQueue<Command> sent = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private ExecutorService workers;
    private final List<java.util.concurrent.Future<?>> futures = new ArrayList<>();

    CommandLoad(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Starts one thread per target, each with its own seeded random choice of commands. */
    void start(List<Target> targets, long seed) {
        running.set(true);
        workers = Executors.newFixedThreadPool(targets.size(), r -> {
            Thread thread = new Thread(r, "command-load");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < targets.size(); i++) {
            Target target = targets.get(i);
            Random random = new Random(seed * 31 + i);
            futures.add(workers.submit(() -> {
                while (running.get()) {
                    Command command = next(target, random);
                    sent.add(command);
                    send(command);
                    // a steady load, not a flood: the point is the faults, and every event is replayed by each
                    // rebuild; back off a little more while the service is away
                    pause(command.acknowledged() ? PAUSE_MILLIS : 100);
                }
            }));
        }
    }

    /** Stops the threads after their current command; returns the commands of this run. */
    List<Command> stop() {
        running.set(false);
        workers.shutdown();
        try {
            if (!workers.awaitTermination(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the load did not stop");
            }
            for (var future : futures) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("a load thread failed", e.getCause());
        }
        futures.clear();
        List<Command> run = new ArrayList<>(sent);
        sent.clear();
        return run;
    }

    /**
     * Sends every unanswered command again with its key, as a client would once the service is back: the
     * service either answers what it stored the first time or handles it now. Returns how many were resolved.
     */
    int resolveUnanswered(List<Command> commands, Duration timeout) {
        int resolved = 0;
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Command command : commands) {
            while (command.outcome == Outcome.UNANSWERED && System.nanoTime() < deadline) {
                send(command);
                if (command.outcome == Outcome.ACKNOWLEDGED) {
                    command.outcome = Outcome.ACKNOWLEDGED_ON_RETRY;
                    resolved++;
                } else if (command.outcome == Outcome.NOT_SENT) {
                    command.outcome = Outcome.UNANSWERED;   // still unknown: the first attempt may have landed
                    pause(250);
                } else if (command.outcome == Outcome.UNANSWERED) {
                    pause(250);
                }
            }
            if (command.outcome == Outcome.UNANSWERED) {
                throw new IllegalStateException("no answer to " + command.path + " even after retries");
            }
        }
        return resolved;
    }

    private Command next(Target target, Random random) {
        int roll = random.nextInt(100);
        List<UUID> others = target.attendees().stream().filter(p -> !p.equals(target.presenterId())).toList();
        UUID person = others.get(random.nextInt(others.size()));
        if (roll < 45) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("challengeId", target.challengeId());
            body.put("askerId", person);
            body.put("form", random.nextBoolean() ? "OPEN" : "CLOSED");
            body.put("text", "question " + random.nextInt(1_000_000));
            return new Command(Kind.QUESTION, target, person, target.meetingPath() + "/questions", write(body), 0);
        }
        if (roll < 85) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("speakerId", person);
            body.put("kind", STATEMENT_KINDS[random.nextInt(STATEMENT_KINDS.length)]);
            body.put("challengeId", target.challengeId());
            body.put("text", "statement " + random.nextInt(1_000_000));
            return new Command(Kind.STATEMENT, target, person, target.meetingPath() + "/statements", write(body), 0);
        }
        long amount = 10 + random.nextInt(990);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", COST_CATEGORIES[random.nextInt(COST_CATEGORIES.length)]);
        body.put("amount", amount);
        body.put("incurredOn", LocalDate.of(2026, 1, 5).plusDays(random.nextInt(300)).toString());
        return new Command(Kind.COST, target, null, "/api/programmes/" + target.programmeId() + "/costs",
                write(body), amount);
    }

    private void send(Command command) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + command.path))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", command.idempotencyKey)
                .header("Authorization", TestIdentity.basic(TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD))
                .POST(HttpRequest.BodyPublishers.ofString(command.body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            command.status = response.statusCode();
            if (command.firstStatus < 0) {
                command.firstStatus = response.statusCode();
            }
            if (response.statusCode() / 100 == 2) {
                JsonNode body = JSON.readTree(response.body());
                String field = command.kind == Kind.COST ? "costId" : "contributionId";
                command.createdId = UUID.fromString(body.get(field).asText());
                command.outcome = Outcome.ACKNOWLEDGED;
            } else if (response.statusCode() / 100 == 4) {
                command.outcome = Outcome.REJECTED;
            } else {
                command.outcome = Outcome.UNANSWERED;
            }
        } catch (ConnectException e) {
            command.firstStatus = Math.max(command.firstStatus, 0);
            command.outcome = Outcome.NOT_SENT;
        } catch (IOException e) {
            command.firstStatus = Math.max(command.firstStatus, 0);
            command.outcome = Outcome.UNANSWERED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            command.outcome = Outcome.UNANSWERED;
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
