package org.actionlearning.launcher;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One pair of services for every test class that asks for a {@link BothServices} parameter (e.g. in its
 * {@code @BeforeAll}) with {@code @ExtendWith(SharedServices.class)}: starting both services is most of such a
 * class's time. Kept in JUnit's root store, so it is closed once, when the whole run ends.
 *
 * <p>The classes run one after another on it, so each must create its own organisation, programme and user names
 * and look only at them (never at counts over the whole platform). A class that moves the clock, needs other
 * properties or restarts a service starts its own {@link BothServices} instead.
 */
public final class SharedServices implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SharedServices.class);

    private record Started(BothServices services) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            services.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        BothServices services = services(context);
        // a class before may have moved the clock and failed before putting it back
        services.clock.reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == BothServices.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return services(context);
    }

    private static BothServices services(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("services", key -> new Started(new BothServices("shared", null,
                        // every class signs in from this one address: one class's failed sign-ins (a disabled
                        // account, a wrong password on purpose) must not throttle the classes after it
                        "--als.identity.sign-in.failures-per-client=100000")), Started.class)
                .services();
    }
}
