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
    @SuppressWarnings("unchecked")
    void registersManyFeedsInOneRequestAnsweringEachEntry() {
        register("{\"url\": \"https://known.example.org/rss\"}", HttpStatus.CREATED);
        String batch = """
                [{"url": "https://batch.example.org/a.xml", "country": "UZ", "pollIntervalMinutes": 60},
                 {"url": "ftp://batch.example.org/b.xml"},
                 {"url": "https://known.example.org/rss"},
                 {"url": "https://batch.example.org/c.xml", "language": "Russian"},
                 {"url": "https://batch.example.org/d.xml"}]
                """;

        Map<String, Object> result = admin().post().uri("/api/v1/feeds/batch").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(batch).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();

        assertThat(result).containsEntry("feeds", 5).containsEntry("created", 2).containsEntry("existing", 1)
                .containsEntry("rejected", 2);
        List<Map<String, Object>> entries = (List<Map<String, Object>>) result.get("results");
        assertThat(entries).extracting(entry -> entry.get("status"))
                .containsExactly("created", "rejected", "exists", "rejected", "created");
        assertThat((Map<String, Object>) entries.get(0).get("feed")).containsEntry("country", "UZ")
                .containsEntry("pollIntervalMinutes", 60).containsEntry("status", "not polled yet");
        assertThat(entries.get(1).get("errors").toString()).contains("url", "http or https");
        assertThat(entries.get(3).get("errors").toString()).contains("language");

        List<Map<String, Object>> listed = admin().get().uri("/api/v1/feeds").exchange().expectStatus().isOk()
                .expectBodyList(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult().getResponseBody();
        assertThat(listed).extracting(feed -> feed.get("url")).contains("https://batch.example.org/a.xml",
                "https://batch.example.org/d.xml").doesNotContain("https://batch.example.org/c.xml");
    }

    @Test
    void refusesAnEmptyBatchOfFeedsWithProblemDetails() {
        admin().post().uri("/api/v1/feeds/batch").contentType(MediaType.APPLICATION_JSON).bodyValue("[]")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
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
