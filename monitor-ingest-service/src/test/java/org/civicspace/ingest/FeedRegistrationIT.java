package org.civicspace.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Administrators registering feeds and reading their health. */
class FeedRegistrationIT extends IngestIntegrationTest {

    @Test
    void registersAFeedOnceAndListsItWithItsHealth() {
        String body = """
                {"url": "https://news.example.org/rss", "title": "Example news", "language": "ru",
                 "country": "KZ", "pollIntervalMinutes": 15}
                """;
        Map<String, Object> first = register(body, HttpStatus.CREATED);
        Map<String, Object> again = register(body, HttpStatus.OK);

        assertThat(again.get("id")).isEqualTo(first.get("id"));
        assertThat(first).containsEntry("status", "not polled yet").containsEntry("pollIntervalMinutes", 15)
                .containsEntry("enabled", true).containsEntry("consecutiveFailures", 0).containsKey("nextPollAt");

        List<Map<String, Object>> listed = admin().get().uri("/api/v1/feeds").exchange().expectStatus().isOk()
                .expectBodyList(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        assertThat(listed).anySatisfy(feed -> assertThat(feed).containsEntry("id", first.get("id"))
                .containsEntry("url", "https://news.example.org/rss").containsEntry("country", "KZ"));
    }

    @Test
    void removesAFeedAndAnswersAnUnknownOneWithProblemDetails() {
        String id = register("{\"url\": \"https://gone.example.org/feed.xml\"}", HttpStatus.CREATED).get("id").toString();

        admin().delete().uri("/api/v1/feeds/" + id).exchange().expectStatus().isNoContent();
        admin().delete().uri("/api/v1/feeds/" + id).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void refusesAnInvalidFeedNamingEachField() {
        admin().post().uri("/api/v1/feeds").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"url\": \"file:///etc/passwd\", \"pollIntervalMinutes\": 1, \"country\": \"kz\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).value(problem -> assertThat(problem)
                        .contains("url", "must be an http or https URL", "pollIntervalMinutes", "at least 5 minutes",
                                "country"));
    }

    @Test
    void letsOnlyAdminsManageFeeds() {
        client.mutateWith(mockJwt().authorities(role("partner"))).get().uri("/api/v1/feeds").exchange()
                .expectStatus().isForbidden();
        client.get().uri("/api/v1/feeds").exchange().expectStatus().isUnauthorized();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> register(String body, HttpStatus expected) {
        return admin().post().uri("/api/v1/feeds").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isEqualTo(expected)
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private org.springframework.test.web.reactive.server.WebTestClient admin() {
        return client.mutateWith(mockJwt().jwt(jwt -> jwt.subject("admin-1")).authorities(role("admin")));
    }
}
