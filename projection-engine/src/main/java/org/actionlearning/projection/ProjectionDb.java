package org.actionlearning.projection;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * The projection's own database access (pool, transactions, jOOQ), apart from the API's: a slow query or a slow call
 * made inside an API transaction cannot take the connections the projection needs ({@link ProjectionDatabase}).
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Qualifier
public @interface ProjectionDb {
}
