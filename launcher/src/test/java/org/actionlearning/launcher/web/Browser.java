package org.actionlearning.launcher.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

/**
 * Debian's headless Chromium driven through its chromedriver, both at explicit paths so that Selenium Manager
 * downloads nothing. Where either is missing the tests are skipped (a JUnit assumption) with a message saying so.
 */
final class Browser implements AutoCloseable {

    static final Dimension DESKTOP = new Dimension(1366, 900);
    static final Dimension PHONE = new Dimension(390, 844);
    private static final String CHROMIUM = System.getProperty("als.test.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("als.test.chromedriver", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Path profile;
    private final ChromeDriver driver;
    final WebDriverWait wait;

    private Browser(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        // pages re-render lists after each answer: an element found a moment ago may be gone, so look again
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    /** Starts Chromium, or skips the calling tests if it is not installed. */
    static Browser startOrSkip() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER)),
                "Browser tests skipped: Chromium (" + CHROMIUM + ") or chromedriver (" + CHROMEDRIVER + ") is not "
                        + "installed; apt-get install chromium chromium-driver to run them");
        Path profile = Files.createTempDirectory("als-chromium-");
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                        "--force-device-scale-factor=1", "--lang=en-GB", "--user-data-dir=" + profile,
                        "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        // the page's console (errors, failed loads) as the "browser" log
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        return new Browser(profile, new ChromeDriver(service, options));
    }

    /**
     * Back to a fresh window for the next test class on a shared Chromium: no cookies (of any port), a blank page
     * at desktop size, and no console entries left over.
     */
    void reset() {
        driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
        driver.get("about:blank");
        resize(DESKTOP);
        consoleErrors();
    }

    /** Signs in with the query service's form (and out of any earlier session first). */
    void signIn(String baseUrl, String username, String password) {
        driver.manage().deleteAllCookies();
        driver.get(baseUrl + "/login");
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Forgets the session: the next page asks to sign in. */
    void signOut() {
        driver.manage().deleteAllCookies();
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Opens {@code url} and waits until the page is loaded and every chart on it drawn. */
    void open(String url) {
        driver.get(url);
        wait.until(d -> "complete".equals(script("return document.readyState")));
        wait.until(d -> Boolean.TRUE.equals(script(
                "return [...document.querySelectorAll('[data-chart]')].every(c => c.dataset.drawn === 'true')")));
    }

    /** Moves the mouse over the middle of {@code element}, as a reader pointing at a chart would. */
    void hover(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'})", element);
        new Actions(driver).moveToElement(element).perform();
    }

    void resize(Dimension size) {
        driver.manage().window().setSize(size);
    }

    /** Errors the page's console has logged since the last call (a failed load, an exception, console.error). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * The serious and critical WCAG 2.1 A/AA violations axe-core finds on the page as it is now, each as
     * "rule: first offending element", so that a failing assertion says what to fix.
     */
    List<String> accessibilityViolations() {
        Results results = new AxeBuilder()
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        return results.getViolations().stream()
                .filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
                .map(Browser::describe)
                .toList();
    }

    private static String describe(Rule rule) {
        String where = rule.getNodes().isEmpty() ? "" : String.valueOf(rule.getNodes().get(0).getTarget());
        return rule.getId() + " (" + rule.getImpact() + "): " + where;
    }

    /** Saves the whole page, not only the window, as target/screenshots/{name}.png. */
    Path screenshot(String name) throws IOException {
        Dimension window = driver.manage().window().getSize();
        long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
        long chrome = window.height - ((Number) script("return window.innerHeight")).longValue();
        driver.manage().window().setSize(new Dimension(window.width, (int) Math.max(window.height, height + chrome)));
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } finally {
            driver.manage().window().setSize(window);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try {
            FileSystemUtils.deleteRecursively(profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
