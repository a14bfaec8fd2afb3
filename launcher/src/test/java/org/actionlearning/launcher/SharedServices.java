package org.actionlearning.launcher;

/**
 * One pair of services for every test class that asks for a {@link BothServices} parameter (e.g. in its
 * {@code @BeforeAll}) with {@code @ExtendWith(SharedServices.class)}: starting both services is most of such a
 * class's time. Closed once, when the whole run ends.
 *
 * <p>The classes run one after another on it, so each must create its own organisation, programme and user names
 * and look only at them (never at counts over the whole platform). A class that moves the clock, needs other
 * properties or restarts a service starts its own {@link BothServices} instead.
 */
public final class SharedServices extends RunWideResource<BothServices> {

    public SharedServices() {
        super(BothServices.class);
    }

    @Override
    protected BothServices start() {
        return new BothServices("shared", null,
                // every class signs in from this one address: one class's failed sign-ins (a disabled account, a
                // wrong password on purpose) must not throttle the classes after it
                "--als.identity.sign-in.failures-per-client=100000");
    }

    @Override
    protected void beforeEachClass(BothServices services) {
        // a class before may have moved the clock and failed before putting it back
        services.clock.reset();
    }
}
