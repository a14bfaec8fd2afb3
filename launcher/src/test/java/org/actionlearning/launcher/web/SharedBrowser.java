package org.actionlearning.launcher.web;

import java.io.IOException;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One headless Chromium for every browser test class that asks for a {@link Browser} parameter (e.g. in its
 * {@code @BeforeAll}) with {@code @ExtendWith(SharedBrowser.class)}. Kept in JUnit's root store, so it quits once,
 * when the whole run ends; each class gets it {@link Browser#reset() reset}: signed out, at desktop size. Where
 * Chromium is not installed the class is skipped.
 */
final class SharedBrowser implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(SharedBrowser.class);

    private record Started(Browser browser) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            browser.close();
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        browser(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Browser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return browser(context);
    }

    private static Browser browser(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("browser", key -> {
            try {
                return new Started(Browser.startOrSkip());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, Started.class).browser();
    }
}
