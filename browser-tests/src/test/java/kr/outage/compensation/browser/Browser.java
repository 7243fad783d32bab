package kr.outage.compensation.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Debian's Chromium, headless, driven through Debian's ChromeDriver. The flags keep it from
 * reaching for Google's services, which this machine's closed network refuses.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    final ChromeDriver driver;
    private final Path profile;

    Browser() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("Chromium and ChromeDriver are missing: run bin/ensure-browser (bin/test does)");
        }
        try {
            profile = Files.createTempDirectory("chromium-profile");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1400", "--lang=ko-KR", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    /**
     * Waits until the condition holds. A page that reloads itself (the run page's meta refresh) may
     * be replaced while the condition reads it; such a read counts as "not yet" and is tried again.
     */
    <T> T waitFor(Duration timeout, Function<org.openqa.selenium.WebDriver, T> condition) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(200)).until(d -> {
            try {
                return condition.apply(d);
            } catch (org.openqa.selenium.WebDriverException replacedMidRead) {
                if (isNavigationRace(replacedMidRead)) {
                    return null;
                }
                throw replacedMidRead;
            }
        });
    }

    /** Signs in to a console ({@link RunningSuite#console}) with a suite token, as a person pasting it would. */
    void signIn(String console, String token) {
        open(console + "/login");
        find("#token").sendKeys(token);
        clickAndAwaitNextPage("form button[type=submit]");
    }

    /** Clicks what submits a form or follows a link, and waits until the next page has replaced this one. */
    void clickAndAwaitNextPage(String css) {
        clickAndAwaitNextPage(By.cssSelector(css));
    }

    void clickAndAwaitNextPage(By target) {
        WebElement page = find("html");
        driver.findElement(target).click();
        waitFor(Duration.ofSeconds(30), d -> isGone(page));
        waitFor(Duration.ofSeconds(30), d -> "complete".equals(driver.executeScript("return document.readyState")));
    }

    /**
     * Whether an element of the previous page is gone. Mid-navigation Chromium may answer "node does
     * not belong to the document" instead of a stale-element error; both mean the page was replaced.
     */
    private static boolean isGone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException replaced) {
            if (isNavigationRace(replaced)) {
                return true;
            }
            throw replaced;
        }
    }

    private static boolean isNavigationRace(org.openqa.selenium.WebDriverException e) {
        return e instanceof org.openqa.selenium.StaleElementReferenceException
                || e instanceof org.openqa.selenium.NoSuchElementException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
    }

    /** The console session cookie the browser holds for this service, as a Cookie header ("" if none). */
    String sessionCookie(String service) {
        var cookie = driver.manage().getCookieNamed(service + "-service_session");
        return cookie == null ? "" : cookie.getName() + "=" + cookie.getValue();
    }

    /**
     * Saves the whole page as a PNG under browser-tests/target/screenshots, and also under the
     * directory given by -Dscreenshots.dir (the docs' screenshots are made that way): at 1280 px, and
     * as a 320 px wide phone sees it ({@code <name>-320.png}), where the page must not be wider than the
     * screen (a table may scroll inside its own box, the page may not scroll sideways).
     */
    void screenshot(String name) {
        Object height = driver.executeScript("return Math.min(document.documentElement.scrollHeight, 4000)");
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, ((Number) height).intValue() + 100));
        save(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE), name);
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1400));

        // A window cannot be made 320 px wide; the phone's viewport is emulated instead.
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 320, "height", 640, "deviceScaleFactor", 1, "mobile", true));
        try {
            Object phoneHeight = driver.executeScript("return Math.min(document.documentElement.scrollHeight, 6000)");
            driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 320, "height", ((Number) phoneHeight).intValue(), "deviceScaleFactor", 1, "mobile", true));
            Object overflow = driver.executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
            save(((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE), name + "-320");
            org.assertj.core.api.Assertions.assertThat(((Number) overflow).intValue())
                    .as("%s at 320 px: the page is wider than the screen by this many px", name).isLessThanOrEqualTo(0);
        } finally {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private static void save(File shot, String name) {
        try {
            Path target = RunningSuite.ROOT.resolve("browser-tests/target/screenshots");
            Files.createDirectories(target);
            Files.copy(shot.toPath(), target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            String extra = System.getProperty("screenshots.dir", "");
            if (!extra.isBlank()) {
                Path dir = RunningSuite.ROOT.resolve(extra);
                Files.createDirectories(dir);
                Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }
}
