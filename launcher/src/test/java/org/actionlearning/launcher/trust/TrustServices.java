package org.actionlearning.launcher.trust;

import org.actionlearning.launcher.BothServices;
import org.actionlearning.launcher.RunWideResource;

/**
 * One pair of services for every test class of this package: starting both services is most of such a class's
 * time. Closed once, when the whole run ends. The classes write to their own organisations, programmes and sets, and
 * each looks only at its own.
 */
final class TrustServices extends RunWideResource<BothServices> {

    private static volatile BothServices services;

    TrustServices() {
        super(BothServices.class);
    }

    @Override
    protected BothServices start() {
        return new BothServices("trust");
    }

    @Override
    protected void beforeEachClass(BothServices started) {
        services = started;
    }

    /** The services, once the calling class's {@code @BeforeAll} callbacks ran. */
    static BothServices services() {
        return services;
    }
}
