package org.civicspace.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.civicspace.localstack.LocalStack;
import org.civicspace.localstack.Ports;
import org.civicspace.localstack.StackOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in a real browser — Debian's headless Chromium, driven by its own chromedriver
 * through Selenium — against the whole embedded stack, as our users would work in it. Skipped,
 * saying so, where chromium or chromedriver is missing ({@code .ci/run} installs both).
 *
 * <p>Selenium is given the chromedriver and chromium paths explicitly, so its Selenium Manager
 * never runs and nothing is downloaded. One stack for the class; a fresh browser profile per
 * test, so no test inherits another's sign-in. Screenshots of every page go to
 * {@code target/screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebUiInBrowserIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final String XSS = "<img src=x onerror=\"window.__xss=1\">";
    private static final String ON_CALL = "Dana On-Call";

    private LocalStack stack;
    private Chromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;
    private final Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
    private final Path downloads = Path.of("target", "downloads").toAbsolutePath();

    @BeforeAll
    void startStackAndDriver() throws Exception {
        assumeTrue(Chromium.installed(), Chromium.MISSING);
        Files.createDirectories(downloads);
        System.setProperty("civicspace.logs", Path.of("target", "stack-logs").toAbsolutePath().toString());
        StackOptions options = Ports.onFreePorts(StackOptions.defaults(Files.createTempDirectory("civicspace-ui")))
                .withProperties(Map.of(
                        "civicspace.alert.urgent.on-call.default[0].name", ON_CALL,
                        "civicspace.alert.urgent.on-call.default[0].email", "dana@civicspace.localhost"));
        stack = LocalStack.start(options, line -> System.out.println("[stack] " + line));
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @BeforeEach
    void openBrowser() throws IOException {
        chromium = new Chromium(downloads);
        browser = chromium.browser;
        wait = chromium.wait;
    }

    @AfterEach
    void closeBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    @Order(1)
    void anAnalystWatchingKazakhstanSeesANewAlertArriveWithoutReloading() throws Exception {
        signIn(stack.token("analyst-aliya", "analyst"));
        open("#/alerts");
        assertThat(browser.findElement(By.cssSelector("input[name=country][value=KZ]")).isSelected()).isTrue();
        click(By.id("subscribe-missing"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Subscribed to KZ"));
        wait.until(ExpectedConditions.attributeToBe(By.cssSelector(".live-state"), "data-state", "open"));
        script("window.__samePage = 'yes'");

        String reportId = submit("""
                {"title": "Trade union leader detained in Karaganda",
                 "text": "Police in Karaganda, Kazakhstan, detained a human rights defender who leads an independent trade union. His family says he is still held.",
                 "language": "en", "partnerReference": "ui-live-001"}""");

        WebElement arrived = new WebDriverWait(browser, Duration.ofSeconds(45)).until(ExpectedConditions
                .presenceOfElementLocated(By.xpath("//ol[@id='alert-list']/li[.//a[contains(., 'Trade union leader detained in Karaganda')]]")));
        assertThat(script("return window.__samePage")).as("the page was not reloaded").isEqualTo("yes");
        assertThat(arrived.getText()).contains("KZ");
        screenshot("alerts-live");

        arrived.findElement(By.cssSelector("a.headline")).click();
        WebElement text = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".report-text")));
        List<String> marked = text.findElements(By.tagName("mark")).stream().map(WebElement::getText).toList();
        assertThat(marked).as("evidence highlighted in the text").isNotEmpty();
        assertThat(text.getText()).isEqualTo("Police in Karaganda, Kazakhstan, detained a human rights defender who leads"
                + " an independent trade union. His family says he is still held.");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Partner partner-ui", reportId);
        screenshot("alert-with-report");
        assertNoErrorsInTheConsole();
    }

    @Test
    @Order(2)
    void anAdvocacyOfficerAcknowledgesAnUrgentAction() throws Exception {
        String advocacy = stack.token("advocacy-ben", "advocacy");
        submit("""
                {"title": "Journalist held incommunicado in Aktobe",
                 "text": "Police in Aktobe, Kazakhstan, detained an independent journalist last night. He is still held and his lawyer has not been allowed to see him.",
                 "language": "en", "partnerReference": "ui-urgent-001"}""");
        Awaitility.await("an urgent action in the queue").atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500))
                .until(() -> get("/api/v1/urgent-actions", advocacy).body().contains("Journalist held incommunicado"));

        Matcher action = Pattern.compile("\\{\"id\":\"(ua-[^\"]+)\"[^{]*\"headline\":\"Journalist held incommunicado")
                .matcher(get("/api/v1/urgent-actions", advocacy).body());
        assertThat(action.find()).isTrue();

        // the service records the first notification as it opens the action; the page shows what it recorded
        Awaitility.await("the first person on call told").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> get("/api/v1/urgent-actions", advocacy).body().contains(ON_CALL));

        signIn(advocacy);
        open("#/urgent-actions/" + action.group(1)); // as the link in the on-call e-mail would open it
        wait.until(driver -> driver.switchTo().activeElement().getText().equals("Journalist held incommunicado in Aktobe"));
        wait.until(driver -> section("Journalist held incommunicado in Aktobe").findElement(By.cssSelector("table.steps"))
                .getText().contains(ON_CALL));
        wait.until(driver -> {
            section("Journalist held incommunicado in Aktobe").findElement(By.xpath(".//button[normalize-space()='Acknowledge']"))
                    .click();
            return true;
        });
        wait.until(driver -> section("Journalist held incommunicado in Aktobe").getText().contains("Acknowledged by advocacy-ben"));
        assertThat(section("Journalist held incommunicado in Aktobe").findElements(By.xpath(".//button[normalize-space()='Acknowledge']")))
                .isEmpty();
        screenshot("urgent-actions");
        assertThat(get("/api/v1/urgent-actions", advocacy).body()).contains("\"acknowledgedBy\":\"advocacy-ben\"");
        assertNoErrorsInTheConsole();
    }

    @Test
    @Order(3)
    void aReportWrittenAsMarkupIsShownAsTextAndRunsNothing() throws Exception {
        String analyst = stack.token("analyst-aliya", "analyst");
        String reportId = submit("""
                {"title": "%s",
                 "text": "xssprobe %s Police in Almaty, Kazakhstan, detained a blogger.",
                 "language": "en", "partnerReference": "ui-xss-001", "hints": {"country": "KZ"}}"""
                .formatted(XSS.replace("\"", "\\\""), XSS.replace("\"", "\\\"")));
        Awaitility.await("the probe archived").atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(500))
                .until(() -> get("/api/v1/reports/" + reportId, analyst).statusCode() == 200);

        signIn(analyst);
        open("#/reports?q=xssprobe");
        WebElement result = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("ol.results a.headline")));
        assertThat(result.getText()).isEqualTo(XSS);
        result.click();
        WebElement title = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("h1.report-title")));
        assertThat(title.getText()).isEqualTo(XSS);
        assertThat(browser.findElement(By.cssSelector(".report-text")).getText()).contains(XSS);
        screenshot("report-xss-probe");

        open("#/alerts");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert-list"), XSS));
        assertThat(browser.findElements(By.cssSelector("main img"))).as("no element made of the report's markup").isEmpty();
        assertThat(script("return window.__xss === undefined")).as("the onerror handler never ran").isEqualTo(true);
        assertNoErrorsInTheConsole();
    }

    @Test
    @Order(4)
    void theInterfaceSwitchesToRussianAndRemembersIt() throws Exception {
        signIn(stack.token("analyst-aliya", "analyst"));
        open("#/reports");
        new Select(browser.findElement(By.id("lang"))).selectByValue("ru");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Сообщения"));
        assertThat(browser.findElement(By.id("nav")).getText()).contains("Оповещения", "Страны");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("ru");

        browser.navigate().refresh();
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Сообщения");
        assertThat(browser.findElement(By.cssSelector("button[type=submit]")).getText()).isEqualTo("Искать");
        screenshot("reports-in-russian");

        // keyboard: the first Tab reaches the skip link, and following it puts the focus in <main>
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(browser.switchTo().activeElement().getText()).isEqualTo("К содержанию");
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("main");
        assertNoErrorsInTheConsole();
    }

    @Test
    @Order(5)
    void everyPageOpensForAnAdminOnALaptopAndOnAPhone() throws Exception {
        signIn(stack.token("admin-ida", "admin"));
        Map<String, String> pages = new java.util.LinkedHashMap<>();
        pages.put("#/alerts", "Live alerts");
        pages.put("#/urgent-actions", "Urgent actions");
        pages.put("#/reports?country=KZ", "Reports");
        pages.put("#/countries/KZ", "Country page: KZ");
        pages.put("#/updates", "Updates");
        pages.put("#/subscriptions", "Subscriptions");
        pages.put("#/admin/feeds", "Feeds");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            open(page.getKey());
            wait.until(ExpectedConditions.textToBe(By.tagName("h1"), page.getValue()));
            wait.until(driver -> driver.findElements(By.cssSelector("[aria-busy=true]")).isEmpty());
            screenshot("laptop-" + page.getKey().replaceAll("[^a-z]+", "-").replaceAll("^-|-$", ""));
        }
        open("#/countries/KZ");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("svg.chart")));
        assertThat(browser.findElements(By.cssSelector("svg.chart rect.bar"))).hasSize(36);
        assertThat(browser.findElement(By.cssSelector(".rating")).getText()).isEqualTo("Repressed");

        browser.manage().window().setSize(new Dimension(390, 844));
        for (String page : List.of("#/reports?country=KZ", "#/countries/KZ", "#/urgent-actions")) {
            open(page);
            wait.until(driver -> driver.findElements(By.cssSelector("[aria-busy=true]")).isEmpty());
            assertThat((Long) script("return document.documentElement.scrollWidth"))
                    .as("nothing wider than the phone on %s", page).isLessThanOrEqualTo(390L);
            screenshot("phone-" + page.replaceAll("[^a-z]+", "-").replaceAll("^-|-$", ""));
        }
        assertNoErrorsInTheConsole();
    }

    @Test
    @Order(6)
    void theLiveStreamParserReadsEventsWhereverTheNetworkSplitsThem() {
        open("#/signin");
        Object read = ((JavascriptExecutor) browser).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                import('/app/sse.js').then(({EventStreamParser}) => {
                  const events = [];
                  const parser = new EventStreamParser((event) => events.push(event));
                  const stream = ': heartbeat\\r\\nevent: alert\\r\\nid: 7\\r\\ndata: {"a":\\r\\ndata: 1}\\r\\n\\r\\n'
                    + 'data:plain\\n\\nid: 8\\nevent: alert\\ndata: x\\rretry: 5000\\r\\r';
                  for (const character of stream) parser.push(character); // every possible split
                  done(JSON.stringify(events));
                }).catch((error) => done('failed: ' + error));
                """);
        assertThat(read).isEqualTo("[{\"type\":\"alert\",\"data\":\"{\\\"a\\\":\\n1}\",\"id\":\"7\"},"
                + "{\"type\":\"message\",\"data\":\"plain\",\"id\":\"7\"},"
                + "{\"type\":\"alert\",\"data\":\"x\",\"id\":\"8\"}]");
        assertNoErrorsInTheConsole();
    }

    /** Needs the updates API of civicus-export-service: skipped, saying so, on a build without it. */
    @Test
    @Order(7)
    void anEditorCompilesEditsPublishesAndDownloadsAnUpdate() throws Exception {
        String editor = stack.token("editor-eva", "editor");
        int probe = send(HttpRequest.newBuilder(uri("/api/v1/updates/none-such")).header("Authorization", "Bearer " + editor)
                .GET()).statusCode();
        assumeTrue(probe != 403 && probe != 405, "the updates API (civicus-export-service) answers " + probe
                + " for GET /api/v1/updates/{id}: not in this build yet, so the editor's scenario is skipped");

        signIn(editor);
        open("#/updates");
        browser.findElement(By.name("country")).sendKeys("KZ");
        click(By.xpath("//button[normalize-space()='Compile a draft']"));
        WebElement headline = wait.until(ExpectedConditions.presenceOfElementLocated(By.name("headline")));
        assertThat(browser.findElement(By.cssSelector(".meta")).getText()).contains("Draft");
        headline.clear();
        headline.sendKeys("Defenders and journalists detained as edited in the browser");
        click(By.xpath("//button[normalize-space()='Save changes']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".meta"), "version 2"));
        screenshot("update-draft");

        click(By.xpath("//button[normalize-space()='Send to review']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".meta"), "In review"));
        click(By.xpath("//button[normalize-space()='Publish']"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".meta"), "Published"));

        try (Stream<Path> old = Files.list(downloads)) {
            old.forEach(path -> path.toFile().delete());
        }
        click(By.xpath("//button[normalize-space()='Download MD']"));
        Path markdown = Awaitility.await("the markdown download").atMost(Duration.ofSeconds(20))
                .until(() -> finishedDownload(".md"), file -> file != null);
        assertThat(Files.readString(markdown, StandardCharsets.UTF_8))
                .contains("Defenders and journalists detained as edited in the browser");
        click(By.xpath("//button[normalize-space()='Download PDF']"));
        Path pdf = Awaitility.await("the PDF download").atMost(Duration.ofSeconds(30))
                .until(() -> finishedDownload(".pdf"), file -> file != null);
        assertThat(Files.readAllBytes(pdf)).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        screenshot("update-published");
        assertNoErrorsInTheConsole();
    }

    private Path finishedDownload(String extension) throws IOException {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(file -> file.getFileName().toString().endsWith(extension)).findFirst().orElse(null);
        }
    }

    private void signIn(String token) {
        browser.get(base() + "/#/signin");
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
        WebElement field = browser.findElement(By.name("token"));
        field.sendKeys(token);
        field.submit();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-out")));
    }

    private void open(String hash) {
        browser.get(base() + "/" + hash);
        wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
    }

    private void click(By locator) {
        wait.until(ExpectedConditions.elementToBeClickable(locator)).click();
    }

    private WebElement section(String heading) {
        return browser.findElement(By.xpath("//section[.//h2[contains(., '" + heading + "')]]"));
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    private void screenshot(String name) throws IOException {
        chromium.screenshot(screenshots, name);
    }

    private void assertNoErrorsInTheConsole() {
        chromium.assertNoErrorsInTheConsole();
    }

    private String base() {
        return "http://127.0.0.1:" + stack.port("gateway");
    }

    private URI uri(String path) {
        return URI.create(base() + path);
    }

    private String submit(String json) throws Exception {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(uri("/api/v1/reports"))
                .header("Authorization", "Bearer " + stack.token("partner-ui", "partner"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
        assertThat(answer.statusCode()).as(answer.body()).isIn(200, 202);
        Matcher id = ID.matcher(answer.body());
        assertThat(id.find()).as(answer.body()).isTrue();
        return id.group(1);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET());
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
