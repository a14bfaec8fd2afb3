package org.actionlearning.projection;

import java.util.List;
import org.jooq.Table;

/**
 * One read model: the events it handles and the tables it owns. Handlers run inside the batch's transaction
 * and must be idempotent upserts or guarded by the aggregate position (increments are).
 */
public interface Projection {

    void register(ProjectionHandlers handlers);

    /** The tables this projection writes, emptied before a rebuild. */
    List<Table<?>> tables();
}
