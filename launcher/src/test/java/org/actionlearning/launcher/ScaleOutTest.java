package org.actionlearning.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.actionlearning.testsupport.EmbeddedInfrastructure;
import org.actionlearning.testsupport.HttpJson;
import org.actionlearning.testsupport.TestIdentity;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Scale-out: two query-service instances in one consumer group share the topic's partitions, between them project
 * every event exactly once into the one read-side database, and when one leaves the other takes its partitions
 * over with nothing lost. How much faster two are than one is measured by the benchmark (BENCHMARKS.md), not here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutTest {

    private static final int PARTITIONS = 6;
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private BothServices services;
    private ConfigurableApplicationContext second;
    private HttpJson secondQueries;
    private Admin admin;
    /** Each programme launched here and the total of the costs recorded in it. */
    private final Map<UUID, BigDecimal> costTotals = new LinkedHashMap<>();

    @BeforeAll
    void startTwoQueryInstancesInOneGroup() {
        services = new BothServices("scaleout");
        int port = BothServices.freePort();
        second = services.startQueryInstance(port);
        secondQueries = new HttpJson("http://localhost:" + port).as(TestIdentity.ADMIN, TestIdentity.ADMIN_PASSWORD);
        admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedInfrastructure.kafkaBootstrapServers()));
    }

    @AfterAll
    void stop() {
        admin.close();
        if (second.isActive()) {
            second.close();
        }
        services.close();
    }

    @Test
    @Order(1)
    void theTwoInstancesShareThePartitionsOfTheTopic() {
        await("both instances assigned partitions", () -> assignments().size() == 2
                && assignments().stream().noneMatch(Set::isEmpty));
        List<Set<Integer>> assignments = assignments();
        assertThat(assignments.get(0)).doesNotContainAnyElementsOf(assignments.get(1));
        assertThat(assignments.stream().mapToInt(Set::size).sum()).isEqualTo(PARTITIONS);
    }

    @Test
    @Order(2)
    void betweenThemEveryEventIsProjectedOnce() {
        launchProgrammesWithCosts(24, 0);
        awaitEveryCostTotal(services.queries);

        // each instance counts an event once its batch has committed, a moment after the read model shows it
        await("every event counted", () -> projectedEvents(services.querySide()) + projectedEvents(second) >= 24 * 3);
        double first = projectedEvents(services.querySide());
        double other = projectedEvents(second);
        // 24 programmes spread over 6 partitions by id: both instances have work, and no event is applied twice
        assertThat(first).isPositive();
        assertThat(other).isPositive();
        assertThat(first + other).isEqualTo(24 * 3.0); // launched and two costs each
        everyCostTotalIsAnsweredBy(secondQueries); // one read-side database: either instance answers the same
    }

    @Test
    @Order(3)
    void whenOneInstanceLeavesTheOtherTakesOverItsPartitions() {
        second.close();
        await("one instance holding every partition", () -> assignments().size() == 1
                && assignments().get(0).size() == PARTITIONS);
        launchProgrammesWithCosts(12, 24);
        awaitEveryCostTotal(services.queries);
        assertThat(costTotals).hasSize(36);
    }

    private void launchProgrammesWithCosts(int count, int firstNumber) {
        for (int i = firstNumber; i < firstNumber + count; i++) {
            UUID programmeId = services.commands.post("/api/programmes", Map.of("organisation", "Scale Ltd",
                    "name", "Programme " + i, "sponsor", "COO", "startsOn", "2026-01-05", "currency", "GBP"))
                    .id("programmeId");
            BigDecimal first = BigDecimal.valueOf(100L * (i + 1));
            BigDecimal secondCost = BigDecimal.valueOf(50);
            for (BigDecimal amount : List.of(first, secondCost)) {
                HttpJson.Response cost = services.commands.post("/api/programmes/" + programmeId + "/costs",
                        Map.of("category", "FACILITATION", "amount", amount, "incurredOn", "2026-01-10"));
                assertThat(cost.status()).as(cost.raw()).isEqualTo(201);
            }
            costTotals.put(programmeId, first.add(secondCost));
        }
    }

    private void awaitEveryCostTotal(HttpJson queries) {
        await("every programme's costs projected", () -> costTotals.entrySet().stream()
                .allMatch(e -> costTotal(queries, e.getKey()).compareTo(e.getValue()) == 0));
    }

    private void everyCostTotalIsAnsweredBy(HttpJson queries) {
        costTotals.forEach((programmeId, total) ->
                assertThat(costTotal(queries, programmeId)).isEqualByComparingTo(total));
    }

    private static BigDecimal costTotal(HttpJson queries, UUID programmeId) {
        HttpJson.Response roi = queries.get("/api/programmes/" + programmeId + "/roi");
        return roi.status() == 200 ? roi.body().path("costs").path("total").decimalValue() : BigDecimal.valueOf(-1);
    }

    private static double projectedEvents(ConfigurableApplicationContext queryInstance) {
        return queryInstance.getBean(MeterRegistry.class).find("als.projection.events").counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    /** The partitions of this test's topic held by each member of the group that holds any. */
    private List<Set<Integer>> assignments() {
        try {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(services.projectionGroup)).all()
                    .get(10, TimeUnit.SECONDS).get(services.projectionGroup);
            List<Set<Integer>> held = new ArrayList<>();
            for (MemberDescription member : group.members()) {
                Set<Integer> partitions = member.assignment().topicPartitions().stream()
                        .filter(p -> p.topic().equals(services.topic)).map(TopicPartition::partition)
                        .collect(Collectors.toSet());
                if (!partitions.isEmpty()) {
                    held.add(partitions);
                }
            }
            return held;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Awaitility, as the other launcher tests wait, with this test's patience and a name for the failure. */
    private static void await(String what, Callable<Boolean> condition) {
        Awaitility.await(what).atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(condition);
    }
}
