package org.actionlearning.analytics.outcomes;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.actionlearning.analytics.Statistics;

/**
 * One phase of a run chart. After a sustained signal an administrator may rebase the chart from a date: the new
 * phase's centre line (median) and XmR limits come from its own first points, as many as the baseline had and at
 * least 2, so later points are judged against the new level. The outcome figures themselves stay measured against
 * the original baseline.
 *
 * @param startsOn   the first day of the phase (the first baseline date for the baseline phase)
 * @param centreLine median of the phase's first points; null until it has enough of them
 * @param xmr        XmR limits from the same points; null until then
 * @param points     how many points fall in the phase
 */
public record ChartPhase(LocalDate startsOn, Double centreLine, XmrLimits xmr, int points) {

    /** The baseline phase and one phase per rebase date (in any order; a date before the first follow-up is kept). */
    public static List<ChartPhase> of(List<Measurement> baselineInTime, List<Measurement> followUpsInTime,
            List<LocalDate> rebasedOn) {
        Objects.requireNonNull(rebasedOn, "rebasedOn");
        List<ChartPhase> phases = new ArrayList<>();
        if (baselineInTime.isEmpty()) {
            return phases;
        }
        List<Double> baseline = values(baselineInTime);
        phases.add(new ChartPhase(baselineInTime.get(0).measuredOn(),
                Statistics.median(Statistics.toArray(baseline)), XmrLimits.fromBaseline(baseline), baseline.size()));
        int pointsThatSetALevel = Math.max(2, baseline.size());
        List<LocalDate> starts = rebasedOn.stream().distinct().sorted().toList();
        for (int i = 0; i < starts.size(); i++) {
            LocalDate from = starts.get(i);
            LocalDate until = i + 1 < starts.size() ? starts.get(i + 1) : null;
            List<Double> inPhase = values(followUpsInTime.stream()
                    .filter(m -> !m.measuredOn().isBefore(from) && (until == null || m.measuredOn().isBefore(until)))
                    .toList());
            if (inPhase.size() < pointsThatSetALevel) {
                phases.add(new ChartPhase(from, null, null, inPhase.size()));
                continue;
            }
            List<Double> first = inPhase.subList(0, pointsThatSetALevel);
            phases.add(new ChartPhase(from, Statistics.median(Statistics.toArray(first)),
                    XmrLimits.fromBaseline(first), inPhase.size()));
        }
        return phases;
    }

    private static List<Double> values(List<Measurement> measurements) {
        return measurements.stream().map(Measurement::value).toList();
    }
}
