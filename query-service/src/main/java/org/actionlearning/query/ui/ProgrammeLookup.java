package org.actionlearning.query.ui;

import java.util.UUID;
import org.actionlearning.query.read.UnknownResource;
import org.actionlearning.query.read.programme.ProgrammeQueries;
import org.actionlearning.query.read.programme.ProgrammeSummary;
import org.springframework.stereotype.Component;

/** A programme's line of the list of programmes (organisation, sponsor, currency), for the heading of its pages. */
@Component
class ProgrammeLookup {

    private final ProgrammeQueries programmes;

    ProgrammeLookup(ProgrammeQueries programmes) {
        this.programmes = programmes;
    }

    ProgrammeSummary summary(UUID programmeId) {
        return programmes.programmes().stream()
                .filter(programme -> programme.programmeId().equals(programmeId))
                .findFirst()
                .orElseThrow(() -> new UnknownResource("programmeId", "programme", programmeId));
    }
}
