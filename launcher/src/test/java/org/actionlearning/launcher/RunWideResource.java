package org.actionlearning.launcher;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One resource for the whole test run (services, a browser) that is slow to start: started for the first test class
 * that extends with the subclass, kept in JUnit's root store so that it is closed once, when the whole run ends, and
 * given to each class as a parameter of its type (e.g. of its {@code @BeforeAll}). Each class gets it through
 * {@link #beforeEachClass} first, to undo what a class before may have left behind.
 */
public abstract class RunWideResource<T extends AutoCloseable> implements BeforeAllCallback, ParameterResolver {

    private final Class<T> type;

    protected RunWideResource(Class<T> type) {
        this.type = type;
    }

    /** Starts the resource; called once in the run. */
    protected abstract T start() throws Exception;

    /** Called before each class that uses the resource, the first one included. */
    protected void beforeEachClass(T resource) {
    }

    @Override
    public final void beforeAll(ExtensionContext context) {
        beforeEachClass(resource(context));
    }

    @Override
    public final boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == type;
    }

    @Override
    public final Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return resource(context);
    }

    private T resource(ExtensionContext context) {
        Closing started = context.getRoot().getStore(ExtensionContext.Namespace.create(getClass()))
                .getOrComputeIfAbsent(type, key -> {
                    try {
                        return new Closing(start());
                    } catch (RuntimeException e) {
                        throw e;   // e.g. the skip of a test whose tool is not installed
                    } catch (Exception e) {
                        throw new IllegalStateException("could not start the run's " + type.getSimpleName(), e);
                    }
                }, Closing.class);
        return type.cast(started.resource());
    }

    private record Closing(AutoCloseable resource) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() throws Exception {
            resource.close();
        }
    }
}
