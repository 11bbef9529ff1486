package org.novasim.systemtest;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real browser for the dashboard's tests: Debian's chromium, headless, driven through Debian's chromedriver
 * (Selenium never downloads one). Without them the tests are skipped, unless {@code NOVASIM_REQUIRE_BROWSER} is
 * set (CI sets it after installing both), when they fail. Screenshots go to {@code target/screenshots}.
 */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = System.getenv().getOrDefault("NOVASIM_CHROMIUM", "/usr/bin/chromium");
    static final String CHROMEDRIVER = System.getenv().getOrDefault("NOVASIM_CHROMEDRIVER", "/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static Browser start() {
        boolean present = new File(CHROMIUM).canExecute() && new File(CHROMEDRIVER).canExecute();
        if (System.getenv("NOVASIM_REQUIRE_BROWSER") != null && !present) {
            throw new AssertionError("NOVASIM_REQUIRE_BROWSER is set but " + CHROMIUM + " or " + CHROMEDRIVER
                    + " is missing (apt-get install chromium chromium-driver)");
        }
        assumeTrue(present, "no chromium and chromedriver here (apt-get install chromium chromium-driver)");
        try {
            Path profile = Files.createTempDirectory("novasim-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM);
            options.addArguments(
                    "--headless=new",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-dev-shm-usage",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--window-size=1440,900",
                    "--user-data-dir=" + profile);
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort()
                    .build();
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    WebDriverWait waiting(Duration timeout) {
        return new WebDriverWait(driver, timeout, Duration.ofMillis(100));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /**
     * The element's text as the page shows it now ("" when absent), read in one script: the live feed redraws
     * parts of the page every tick, so an element found first and read after may already be gone.
     */
    String text(String css) {
        Object text = driver.executeScript(
                "const e = document.querySelector(arguments[0]); return e ? e.innerText : '';", css);
        return String.valueOf(text);
    }

    /** An attribute of the element, read as {@link #text} is ("" when absent). */
    String attribute(String css, String name) {
        Object value = driver.executeScript(
                "const e = document.querySelector(arguments[0]); return e ? (e.getAttribute(arguments[1]) || '') : '';",
                css,
                name);
        return String.valueOf(value);
    }

    /** Logs in through the dashboard's own form. */
    void logIn(String base, String user, String password) {
        driver.get(base + "/dashboard/");
        waiting(Duration.ofSeconds(20)).until(d -> find("#login").isDisplayed());
        find("#login input[name=user]").sendKeys(user);
        find("#login input[name=password]").sendKeys(password);
        find("#login button[type=submit]").click();
        waiting(Duration.ofSeconds(20)).until(d -> find("#who").isDisplayed());
    }

    void logOut() {
        find("#logout").click();
        waiting(Duration.ofSeconds(10)).until(d -> find("#login").isDisplayed());
    }

    /** Shows a view and lets it draw. */
    void open(String view) {
        driver.executeScript("location.hash = arguments[0]", view);
        waiting(Duration.ofSeconds(10))
                .until(d -> find("section#" + view.split("/")[0]).isDisplayed());
    }

    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the page wrote to the console at level SEVERE (errors) since the last call. */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temporary profile left behind is no failure
        }
    }
}
