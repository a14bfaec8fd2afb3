package org.actionlearning.launcher.trust;

import org.actionlearning.launcher.BothServices;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One pair of services for every test class of this package: starting both services is most of such a class's
 * time. Kept in JUnit's root store, so it is closed once, when the whole run ends. The classes write to their own
 * organisations, programmes and sets, and each looks only at its own.
 */
final class TrustServices implements BeforeAllCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TrustServices.class);
    private static volatile BothServices services;

    private record Started(BothServices services) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            services.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        services = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent("services", key -> new Started(new BothServices("trust")), Started.class)
                .services();
    }

    /** The services, once {@link #beforeAll} ran for the calling class. */
    static BothServices services() {
        return services;
    }
}
