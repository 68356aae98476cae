package org.civicspace.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium, driven by its own chromedriver, with a fresh profile. Selenium is given
 * both paths, so its Selenium Manager never runs and nothing is downloaded. Where either is missing
 * the browser tests are skipped, saying why ({@code .ci/run} installs both).
 */
final class Chromium implements AutoCloseable {

    static final Path BINARY = Path.of(System.getProperty("civicspace.chromium", "/usr/bin/chromium"));
    static final Path DRIVER = Path.of(System.getProperty("civicspace.chromedriver", "/usr/bin/chromedriver"));
    static final String MISSING = "the browser tests need Debian's chromium and chromedriver at " + BINARY + " and "
            + DRIVER + " (apt-get install chromium chromium-driver; .ci/run does it): skipped here";

    final WebDriver browser;
    final WebDriverWait wait;
    private final Path profile;

    static boolean installed() {
        return Files.isExecutable(BINARY) && Files.isExecutable(DRIVER);
    }

    Chromium(Path downloads) throws IOException {
        profile = Files.createTempDirectory("civicspace-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1280,900", "--lang=en-GB");
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        // a driver service of its own: quitting the browser stops the service it was started with
        ChromeDriverService driverService = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(driverService, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        // a page that re-renders (a refresh, an arriving event) replaces the elements a wait holds: look again
        wait.ignoring(StaleElementReferenceException.class);
    }

    void screenshot(Path folder, String name) throws IOException {
        Files.createDirectories(folder);
        Files.write(folder.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** Script errors, refused resources and Content-Security-Policy violations all land in the console. */
    void assertNoErrorsInTheConsole() {
        List<String> severe = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
        assertThat(severe).isEmpty();
    }

    @Override
    public void close() throws IOException {
        browser.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
