package org.actionlearning.launcher.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.actionlearning.events.learningset.QuestionForm;
import org.actionlearning.events.learningset.StatementKind;
import org.actionlearning.events.outcome.Direction;
import org.actionlearning.events.outcome.Period;
import org.actionlearning.events.programme.CostCategory;

/**
 * One demo programme as plain data: what happened in its sets, what it measured and what it cost. Written with
 * {@link DemoProgrammeBuilder} (see {@link CaseStudies}) and sent to the command API by {@link DemoLoader}, in
 * the order given here. Objects refer to each other (a question to its asker, a metric to a challenge), so the
 * loader can map each one to the id the command service created for it.
 *
 * @param key short name used in idempotency keys ({@code demo:<key>:<step>:<n>}); never change it once loaded
 */
public record DemoProgramme(String key, String organisation, String name, String sponsor, LocalDate startsOn,
                            String currency, List<LearningSet> sets, List<Metric> metrics, List<Cost> costs) {

    public static DemoProgrammeBuilder builder(String key) {
        return new DemoProgrammeBuilder(key);
    }

    public record LearningSet(String name, String facilitatorName, List<Member> members, List<Meeting> meetings) {
    }

    /** A member of a set; {@code key} is how the script refers to them ("aisha"). */
    public record Member(String key, String name, String role) {
        public String displayName() {
            return name + " (" + role + ")";
        }
    }

    public record Meeting(LocalDate heldOn, List<Member> attendees, List<Challenge> challenges,
                          List<Reflection> reflections) {
    }

    /** A challenge, what was said about it (in order) and the actions its presenter committed to. */
    public record Challenge(Member presenter, String title, String summary, List<Contribution> contributions,
                            List<Action> actions) {
    }

    public sealed interface Contribution permits Question, Statement {
    }

    public record Question(Member asker, QuestionForm form, String text) implements Contribution {
    }

    public record Statement(Member speaker, StatementKind kind, String text) implements Contribution {
    }

    /** A written reflection recorded at the end of a meeting (not a contribution to the conversation). */
    public record Reflection(Member author, String text) {
    }

    /** An action committed by the presenter, with what happened to it afterwards, in order. */
    public record Action(String description, LocalDate dueOn, List<FollowUp> followUps) {
    }

    public sealed interface FollowUp permits Progress, Completion, Abandonment, Rescheduling {
    }

    public record Progress(LocalDate reportedOn, int percentComplete, String note) implements FollowUp {
    }

    public record Completion(LocalDate completedOn, String evidence) implements FollowUp {
    }

    public record Abandonment(LocalDate abandonedOn, String reason) implements FollowUp {
    }

    public record Rescheduling(LocalDate dueOn, String reason) implements FollowUp {
    }

    /** An outcome metric; {@code valuePerUnit} null = intangible, {@code challenge} null = programme-wide. */
    public record Metric(String name, String unit, Direction direction, Period period, BigDecimal valuePerUnit,
                         Target target, Challenge challenge, List<Point> baseline, List<Point> followUps,
                         List<Attribution> attributions) {
    }

    public record Target(BigDecimal changePercent, int withinDays) {
    }

    public record Point(LocalDate measuredOn, BigDecimal value) {
    }

    /** An estimate of how much of the change the programme caused; {@code estimatedBy} may be null. */
    public record Attribution(Member estimatedBy, int attributionPercent, int confidencePercent) {
    }

    public record Cost(CostCategory category, BigDecimal amount, LocalDate incurredOn, String note) {
    }

    // ---- totals of the script, for checks against the read side ----

    public List<Challenge> challenges() {
        return sets.stream().flatMap(s -> s.meetings().stream()).flatMap(m -> m.challenges().stream()).toList();
    }

    public List<Action> actions() {
        return challenges().stream().flatMap(c -> c.actions().stream()).toList();
    }

    public long questions() {
        return challenges().stream().flatMap(c -> c.contributions().stream())
                .filter(Question.class::isInstance).count();
    }

    public long statements() {
        return challenges().stream().flatMap(c -> c.contributions().stream())
                .filter(Statement.class::isInstance).count();
    }

    public long meetings() {
        return sets.stream().mapToLong(s -> s.meetings().size()).sum();
    }

    public long members() {
        return sets.stream().mapToLong(s -> s.members().size()).sum();
    }

    public BigDecimal totalCosts() {
        return costs.stream().map(Cost::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
