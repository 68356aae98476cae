package org.civicspace.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.civicspace.localstack.LocalStack;
import org.civicspace.localstack.Ports;
import org.civicspace.localstack.StackOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The whole stack behind an organisation's OpenID Connect provider (a stand-in for Keycloak on
 * 127.0.0.1): the gateway and every service trust the provider's tokens by its issuer, read the roles
 * from Keycloak's nested {@code realm_access.roles} and want our audience; the web UI signs people in
 * there (authorization code with PKCE) and keeps them signed in with the refresh token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcSignInIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final OidcProviderStandIn.User PARTNER =
            new OidcProviderStandIn.User("5f0c9a1e-partner", "ngo.partner", List.of("partner", "offline_access"));
    private static final OidcProviderStandIn.User ANALYST =
            new OidcProviderStandIn.User("8b2d4c6e-analyst", "aliya.analyst", List.of("analyst", "offline_access"));
    private static final OidcProviderStandIn.User EDITOR =
            new OidcProviderStandIn.User("1a3e5c7b-editor", "erik.editor", List.of("editor"));

    private OidcProviderStandIn provider;
    private LocalStack stack;

    @BeforeAll
    void start() throws Exception {
        provider = new OidcProviderStandIn();
        System.setProperty("civicspace.logs", Path.of("target", "stack-logs").toAbsolutePath().toString());
        StackOptions options = Ports.onFreePorts(StackOptions.defaults(Files.createTempDirectory("civicspace-oidc")))
                .withProperties(Map.of(
                        "spring.security.oauth2.resourceserver.jwt.issuer-uri", provider.issuer(),
                        "spring.security.oauth2.resourceserver.jwt.audiences", OidcProviderStandIn.AUDIENCE,
                        "civicspace.security.roles-claim", "realm_access.roles",
                        "civicspace.gateway.roles-claim", "realm_access.roles",
                        "civicspace.gateway.sign-in.client-id", OidcProviderStandIn.CLIENT_ID));
        stack = LocalStack.start(options, line -> System.out.println("[stack] " + line));
    }

    @AfterAll
    void stop() {
        if (stack != null) {
            stack.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void theGatewayAndEachServiceTakeTheProvidersTokensAndTheRolesInTheirNestedClaim() throws Exception {
        String partner = provider.accessToken(PARTNER, OidcProviderStandIn.AUDIENCE);
        String analyst = provider.accessToken(ANALYST, OidcProviderStandIn.AUDIENCE);
        String editor = provider.accessToken(EDITOR, OidcProviderStandIn.AUDIENCE);
        String report = "{\"title\":\"Journalist detained in Almaty after covering a protest\","
                + "\"text\":\"Police in Almaty detained a journalist on Monday after she filmed a peaceful protest.\","
                + "\"country\":\"KZ\",\"sensitivity\":\"public\"}";
        String text = "{\"title\":\"Rally dispersed\",\"text\":\"Police dispersed a peaceful rally in Bishkek.\"}";

        // each service on its own port: the check behind the gateway, with the same claim path
        assertThat(call("monitor-ingest-service", "POST", "/api/v1/reports", partner, report)).isIn(200, 202);
        assertThat(call("monitor-ingest-service", "POST", "/api/v1/reports", analyst, report)).isEqualTo(403);
        assertThat(call("classification-service", "POST", "/api/v1/classify", analyst, text)).isEqualTo(200);
        assertThat(call("classification-service", "POST", "/api/v1/classify", partner, text)).isEqualTo(403);
        assertThat(call("alert-service", "GET", "/api/v1/subscriptions", analyst, null)).isEqualTo(200);
        assertThat(call("alert-service", "GET", "/api/v1/subscriptions", editor, null)).isEqualTo(403);
        assertThat(call("civicus-export-service", "GET", "/api/v1/reports?country=KZ", editor, null)).isEqualTo(200);
        assertThat(call("civicus-export-service", "GET", "/api/v1/updates", analyst, null)).isEqualTo(403);
        // and the gateway in front
        assertThat(call("gateway", "GET", "/api/v1/subscriptions", analyst, null)).isEqualTo(200);
        assertThat(call("gateway", "GET", "/api/v1/updates", analyst, null)).isEqualTo(403);

        // not the provider's, or not meant for us: refused at the door and behind it
        String local = stack.token("analyst-local", "analyst");
        String elsewhere = provider.accessToken(ANALYST, "another-application");
        Map<String, String> reads = Map.of("gateway", "/api/v1/subscriptions", "alert-service", "/api/v1/subscriptions",
                "civicus-export-service", "/api/v1/reports?country=KZ");
        for (Map.Entry<String, String> read : reads.entrySet()) {
            assertThat(call(read.getKey(), "GET", read.getValue(), local, null))
                    .as(read.getKey() + " with a token of the local key pair").isEqualTo(401);
            assertThat(call(read.getKey(), "GET", read.getValue(), elsewhere, null))
                    .as(read.getKey() + " with a token for another audience").isEqualTo(401);
        }
    }

    @Test
    void anAnalystSignsInAtTheProviderStaysSignedInAcrossARefreshAndSignsOutThere() throws Exception {
        assumeTrue(Chromium.installed(), Chromium.MISSING);
        Path screenshots = Path.of("target", "screenshots").toAbsolutePath();
        // access tokens shorter than the UI's 30 s margin: the first request after signing in gets a new one
        provider.accessTokensLive(Duration.ofSeconds(25));
        provider.signsIn(ANALYST);
        try (Chromium chromium = new Chromium(Path.of("target", "downloads").toAbsolutePath())) {
            chromium.browser.get(gateway() + "/#/subscriptions");
            chromium.wait.until(ExpectedConditions.attributeToBe(By.tagName("body"), "data-ready", "true"));
            chromium.wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in-provider")));
            chromium.screenshot(screenshots, "oidc-sign-in");
            assertThat(chromium.browser.findElement(By.id("main")).getText()).doesNotContain("null", "undefined");
            chromium.browser.findElement(By.id("sign-in-provider")).click();

            // back from the provider, on the page asked for, signed in with the roles of the nested claim
            chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "aliya.analyst"));
            assertThat(chromium.browser.findElement(By.id("who")).getText()).contains("analyst");
            chromium.wait.until(ExpectedConditions.urlContains("#/subscriptions"));
            assertThat(chromium.browser.getCurrentUrl()).doesNotContain("code=").doesNotContain("state=");
            chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main h1")));
            chromium.wait.until(driver -> provider.refreshes.get() > 0);
            chromium.browser.navigate().to(gateway() + "/#/alerts");
            chromium.wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("main h1")));
            assertThat(chromium.browser.findElements(By.cssSelector("main .error"))).isEmpty();
            chromium.screenshot(screenshots, "oidc-signed-in");
            assertThat(provider.codeExchanges).hasValue(1);

            chromium.browser.findElement(By.id("sign-out")).click();
            chromium.wait.until(ExpectedConditions.elementToBeClickable(By.id("sign-in-provider")));
            assertThat(provider.signOuts).hasValue(1);
            assertThat(chromium.browser.findElement(By.id("sign-out")).isDisplayed()).isFalse();
            chromium.assertNoErrorsInTheConsole();
        } finally {
            provider.accessTokensLive(Duration.ofMinutes(5));
        }
    }

    private String gateway() {
        return "http://127.0.0.1:" + stack.port("gateway");
    }

    private int call(String service, String method, String path, String token, String json)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + stack.port(service) + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        request = json == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                : request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return answer.statusCode();
    }
}
