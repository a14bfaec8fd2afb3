package org.actionlearning.analytics.outcomes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class AnhojRulesProperties {

    private static final double CENTRE = 50.0;

    @Property
    void aPointOnTheCentreLineChangesNoRunAndNoCrossing(
            @ForAll @Size(max = 40) List<@DoubleRange(min = 0, max = 100) Double> points,
            @ForAll @IntRange(min = 0, max = 40) int at) {
        List<Double> withCentrePoint = new ArrayList<>(points);
        withCentrePoint.add(Math.min(at, points.size()), CENTRE);

        AnhojRules before = AnhojRules.of(CENTRE, points);
        AnhojRules after = AnhojRules.of(CENTRE, withCentrePoint);

        assertThat(after).isEqualTo(before);
    }

    @Property
    void crossingsAreFewerThanUsefulObservationsAndRunsAtMostAll(
            @ForAll @Size(max = 40) List<@DoubleRange(min = 0, max = 100) Double> points) {
        AnhojRules rules = AnhojRules.of(CENTRE, points);

        assertThat(rules.crossings()).isLessThanOrEqualTo(Math.max(0, rules.usefulObservations() - 1));
        assertThat(rules.longestRun()).isLessThanOrEqualTo(rules.usefulObservations());
    }
}
