package org.actionlearning.query.read.roi;

import static org.actionlearning.query.jooq.Tables.PROGRAMME_COST;

import java.util.List;
import java.util.UUID;
import org.actionlearning.analytics.roi.Cost;
import org.actionlearning.analytics.roi.CostCategory;
import org.actionlearning.query.read.PastView;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** A programme's recorded costs. */
@Component
public class CostReader {

    private final DSLContext db;

    CostReader(DSLContext db) {
        this.db = db;
    }

    /** The costs incurred by the view's date and recorded by its instant. */
    public List<Cost> ofProgramme(UUID programmeId, PastView view) {
        return db.select(PROGRAMME_COST.CATEGORY, PROGRAMME_COST.AMOUNT)
                .from(PROGRAMME_COST)
                .where(PROGRAMME_COST.PROGRAMME_ID.eq(programmeId))
                .and(PROGRAMME_COST.INCURRED_ON.le(view.asOf())).and(view.known(PROGRAMME_COST.RECORDED_AT))
                .orderBy(PROGRAMME_COST.INCURRED_ON, PROGRAMME_COST.COST_ID)
                .fetch(row -> new Cost(CostCategory.valueOf(row.value1()), row.value2().doubleValue()));
    }
}
