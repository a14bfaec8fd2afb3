package org.actionlearning.query.ui;

import org.actionlearning.query.web.QueryProblemAdvice;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The downloads answer errors as the API does (problem+json, the same handlers), not with the pages' error page: a
 * script saving a CSV should not get HTML. Ahead of {@link UiErrorAdvice}, which covers the rest of this package.
 */
@ControllerAdvice(assignableTypes = RoiExports.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ExportProblemAdvice extends QueryProblemAdvice {
}
