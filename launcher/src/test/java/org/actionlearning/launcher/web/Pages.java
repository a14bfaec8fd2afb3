package org.actionlearning.launcher.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The query service's pages as the browser tests drive them: sign in, open a page (no console error), submit a
 * form, check a page for accessibility at both widths, and the administrator's steps every journey takes (record a
 * cost, add a member, set a password with a link). One place for what the test classes all do the same way.
 */
final class Pages {

    private final Browser browser;
    private final String baseUrl;

    Pages(Browser browser, String baseUrl) {
        this.browser = browser;
        this.baseUrl = baseUrl;
    }

    void signIn(String username, String password) {
        browser.signIn(baseUrl, username, password);
    }

    /** Opens a page of the query service: no error in its console. */
    void open(String path) {
        browser.open(baseUrl + path);
        assertThat(browser.consoleErrors()).as("console errors on " + path).isEmpty();
    }

    /** A page the signed-in user may not open: the error page says 403. */
    void openRefused(String path) {
        browser.open(baseUrl + path);
        assertThat(browser.find("h1").getText()).as(path).startsWith("403");
        browser.consoleErrors(); // the page's own 403, as the browser logs it
    }

    /** Opens the page again until it shows what {@code shown} looks for (the read side catches up), for 30 s. */
    void reopenUntil(String path, Supplier<Boolean> shown) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).until(() -> {
            open(path);
            return shown.get();
        });
    }

    /** The path of the current page, without the query service's address. */
    String path() {
        return browser.currentUrl().substring(baseUrl.length());
    }

    void submit(String form) {
        browser.find(form + " button[type=submit]").click();
    }

    /** Submits a form of the outcomes pages and waits for its status line; no problem shown. */
    void submit(String form, String expectedStatus) {
        browser.find(form + " button[type=submit]").click();
        try {
            browser.wait.until(d -> browser.find(form + " .status").getText().startsWith(expectedStatus)
                    || browser.find(form + " .problem").isDisplayed());
        } catch (RuntimeException e) {
            throw new AssertionError("no answer on " + browser.currentUrl() + ": status '"
                    + browser.find(form + " .status").getText() + "', console " + browser.consoleErrors(), e);
        }
        assertThat(browser.find(form + " .problem").isDisplayed()).as(browser.find(form + " .problem").getText())
                .isFalse();
    }

    /** On an action's card ("My actions"): opens its form for {@code command}, fills it, sends it; no problem. */
    void actionForm(WebElement card, String command, Map<String, String> fields) {
        WebElement form = card.findElement(By.cssSelector("form[data-command='" + command + "']"));
        form.findElement(By.xpath("..")).findElement(By.tagName("summary")).click();
        fields.forEach((name, value) -> {
            WebElement input = form.findElement(By.name(name));
            input.clear();
            input.sendKeys(value);
        });
        browser.script("document.getElementById('status').textContent = ''");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.wait.until(d -> !browser.find("#status").getText().isEmpty() || browser.find("#problem").isDisplayed());
        assertThat(browser.find("#problem").isDisplayed()).as(browser.find("#problem").getText()).isFalse();
    }

    /** No serious or critical axe-core violation at the window's size; a screenshot. */
    void noViolations(String name) throws IOException {
        assertThat(browser.accessibilityViolations()).as("axe on " + name).isEmpty();
        browser.screenshot(name);
    }

    /**
     * No serious or critical axe-core violation at 1366 and at 390 px, and no sideways scrolling on the phone; a
     * screenshot at each ({@code name}, {@code name-phone}).
     */
    void accessibleAtBothSizes(String name) throws IOException {
        for (Dimension size : List.of(Browser.DESKTOP, Browser.PHONE)) {
            String suffix = size.equals(Browser.PHONE) ? "-phone" : "";
            browser.resize(size);
            try {
                browser.script("window.dispatchEvent(new Event('resize'))");
                assertThat(browser.accessibilityViolations()).as(name + " at " + size.width + " px").isEmpty();
                assertThat((Boolean) browser.script("return document.documentElement.scrollWidth <= window.innerWidth"))
                        .as(name + " does not scroll sideways at " + size.width + " px").isTrue();
                browser.screenshot(name + suffix);
            } finally {
                browser.resize(Browser.DESKTOP);
            }
        }
    }

    /** Whether the element is wholly inside the window, top to bottom. */
    boolean inView(String css) {
        return (Boolean) browser.script("const r = arguments[0].getBoundingClientRect();"
                + "return r.top >= 0 && r.bottom <= window.innerHeight;", browser.find(css));
    }

    List<String> texts(String css) {
        return browser.findAll(css).stream().map(e -> e.getText().trim()).toList();
    }

    /** The cells of each body row of a table. */
    List<List<String>> rows(String table) {
        return browser.findAll(table + " tbody tr").stream()
                .map(row -> row.findElements(By.cssSelector("th, td")).stream().map(e -> e.getText().trim()).toList())
                .toList();
    }

    // ---- an administrator's steps

    /** On the outcomes page: records an attribution estimate for the first metric. */
    void estimate(int attribution, int confidence) {
        browser.find("#attribution-0").clear();
        browser.find("#attribution-0").sendKeys(String.valueOf(attribution));
        browser.find("#confidence-0").clear();
        browser.find("#confidence-0").sendKeys(String.valueOf(confidence));
        submit("form[data-command='attribution']", "Recorded an estimate: " + attribution
                + "% from the programme, " + confidence + "% confident.");
    }

    /** The first metric's facts on the outcomes page, label to value. */
    Map<String, String> metricFacts() {
        Map<String, String> facts = new LinkedHashMap<>();
        for (WebElement fact : browser.findAll("section.metric-admin .facts > div")) {
            facts.put(fact.findElement(By.tagName("dt")).getText(), fact.findElement(By.tagName("dd")).getText());
        }
        return facts;
    }

    /** On a programme's administration page: records a cost and waits for its row. */
    void recordCost(String category, String amount, String incurredOn) {
        int before = browser.findAll("table.admin-costs tbody tr").size();
        new Select(browser.find("#cost-category")).selectByValue(category);
        browser.find("#cost-amount").sendKeys(amount);
        browser.script("document.getElementById('cost-incurred').value = arguments[0]", incurredOn);
        submit("#cost-form");
        browser.wait.until(d -> browser.findAll("table.admin-costs tbody tr").size() == before + 1);
    }

    /** On a set's administration page: adds a member with an account; the answer is their set-password link. */
    String addMember(String name, String username) {
        browser.find("#member-name").clear();
        browser.find("#member-name").sendKeys(name);
        browser.find("#member-username").clear();
        browser.find("#member-username").sendKeys(username);
        submit("#add-member-form");
        browser.wait.until(d -> !browser.findAll("#add-member-form [data-link-for='" + username + "']").isEmpty());
        return browser.find("#add-member-form [data-link-for='" + username + "'] .link-url").getText();
    }

    /** Follows a set-password link and chooses {@code password}. */
    void setPassword(String link, String password) {
        browser.open(link);
        browser.find("#new-password").sendKeys(password);
        browser.find("#repeat-password").sendKeys(password);
        submit("#set-password-form");
        browser.wait.until(d -> !browser.findAll("#to-sign-in").isEmpty());
    }
}
