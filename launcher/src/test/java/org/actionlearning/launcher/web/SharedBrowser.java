package org.actionlearning.launcher.web;

import java.io.IOException;
import org.actionlearning.launcher.RunWideResource;

/**
 * One headless Chromium for every browser test class that asks for a {@link Browser} parameter (e.g. in its
 * {@code @BeforeAll}) with {@code @ExtendWith(SharedBrowser.class)}. It quits once, when the whole run ends; each
 * class gets it {@link Browser#reset() reset}: signed out, at desktop size. Where Chromium is not installed the
 * class is skipped.
 */
final class SharedBrowser extends RunWideResource<Browser> {

    SharedBrowser() {
        super(Browser.class);
    }

    @Override
    protected Browser start() throws IOException {
        return Browser.startOrSkip();
    }

    @Override
    protected void beforeEachClass(Browser browser) {
        browser.reset();
    }
}
