package org.civicspace.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** The subscriptions API and the guards around the alert endpoints, as a caller meets them. */
class SubscriptionsIT extends AlertServiceTestBase {

    @Test
    void aUserCreatesListsAndDeletesTheirOwnSubscription() {
        String body = client.mutateWith(as("ana", "analyst"))
                .post().uri("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"countries": ["KZ", "KG"], "freedoms": ["expression"], "violationTypes": ["censorship"],
                         "minUrgency": "high", "channel": "webhook", "cadence": "daily",
                         "webhookUrl": "https://hooks.example.org/ana", "webhookSecret": "very-secret-value"}
                        """)
                .exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("\"owner\":\"ana\"", "\"countries\":[\"KG\",\"KZ\"]", "\"freedoms\":[\"expression\"]",
                        "\"violationTypes\":[\"censorship\"]", "\"minUrgency\":\"high\"", "\"channel\":\"webhook\"",
                        "\"cadence\":\"daily\"", "\"createdAt\":\"", "\"id\":\"sub-")
                .doesNotContain("very-secret-value", "webhookSecret");
        String id = body.replaceAll(".*\"id\":\"(sub-[^\"]+)\".*", "$1");

        assertThat(subscriptionIds("ana")).contains(id);
        client.mutateWith(as("ana", "analyst")).delete().uri("/api/v1/subscriptions/{id}", id)
                .exchange().expectStatus().isNoContent();
        assertThat(subscriptionIds("ana")).doesNotContain(id);
        client.mutateWith(as("ana", "analyst")).delete().uri("/api/v1/subscriptions/{id}", id)
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void takesTheDefaultsForWhatIsLeftOut() {
        client.mutateWith(as("dee", "advocacy"))
                .post().uri("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"countries\": [\"BY\"]}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.minUrgency").isEqualTo("routine")
                .jsonPath("$.channel").isEqualTo("sse")
                .jsonPath("$.cadence").isEqualTo("immediate")
                .jsonPath("$.freedoms").isEmpty();
    }

    @Test
    void anEmailSubscriptionTakesTheBodysAddressElseTheTokensAndNeedsOne() {
        client.mutateWith(mockJwt().jwt(jwt -> jwt.subject("eve").claim("email", "eve@example.org"))
                        .authorities(new SimpleGrantedAuthority("ROLE_analyst")))
                .post().uri("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"countries\": [\"KZ\"], \"channel\": \"email\", \"cadence\": \"daily\"}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.email").isEqualTo("eve@example.org");
        client.mutateWith(mockJwt().jwt(jwt -> jwt.subject("eve").claim("email", "eve@example.org"))
                        .authorities(new SimpleGrantedAuthority("ROLE_analyst")))
                .post().uri("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"countries\": [\"KZ\"], \"channel\": \"email\", \"email\": \"desk@example.org\"}")
                .exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.email").isEqualTo("desk@example.org");
        assertThat(refused("{\"countries\": [\"KZ\"], \"channel\": \"email\"}")).contains("email", "email claim");
        assertThat(refused("{\"countries\": [\"KZ\"], \"channel\": \"email\", \"email\": \"not-an-address\"}"))
                .contains("email");
        assertThat(refused("{\"countries\": [\"KZ\"], \"cadence\": \"daily\"}")).contains("cadence", "not sse");
    }

    @Test
    void anotherUsersSubscriptionIsInvisibleAndCannotBeDeleted() {
        String anas = subscribe("ana-2", "{\"countries\": [\"GE\"]}");

        assertThat(subscriptionIds("bob")).doesNotContain(anas);
        client.mutateWith(as("bob", "advocacy")).delete().uri("/api/v1/subscriptions/{id}", anas)
                .exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        client.mutateWith(as("bob", "admin")).delete().uri("/api/v1/subscriptions/{id}", anas)
                .exchange().expectStatus().isNotFound();
        assertThat(subscriptionIds("ana-2")).contains(anas);
    }

    @Test
    void refusesAnInvalidSubscriptionWithProblemDetailsNamingEachField() {
        assertThat(refused("""
                {"countries": ["kz", "Kazakhstan"], "minUrgency": "sometimes", "channel": "pigeon",
                 "cadence": "hourly", "webhookUrl": "ftp://example.org"}
                """)).contains("countries[0]", "countries[1]", "minUrgency", "channel", "cadence", "webhookUrl",
                "\"errors\"");
        assertThat(refused("{\"freedoms\": [\"expression\"]}")).contains("countries", "at least one country");
        assertThat(refused("{\"countries\": [\"KZ\"], \"channel\": \"webhook\"}")).contains("webhookUrl");
        assertThat(refused("{\"countries\": [\"KZ\"], \"channel\": \"webhook\", \"webhookUrl\": \"https://hooks.example.org/a\"}"))
                .contains("webhookSecret");
        assertThat(refused("{\"countries\": [\"KZ\"], \"freedoms\": [\"happiness\"]}")).contains("freedoms");
        assertThat(refused("{\"countries\": ")).contains("could not be read");
    }

    @Test
    void letsOnlyAnalystsAdvocacyStaffAndAdminsIn() {
        String body = "{\"countries\": [\"KZ\"]}";
        client.post().uri("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isUnauthorized();
        client.mutateWith(as("pat", "partner"))
                .post().uri("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isForbidden();
        client.mutateWith(as("pat", "partner")).get().uri("/api/v1/alerts?country=KZ")
                .exchange().expectStatus().isForbidden();
        client.get().uri("/api/v1/alerts/stream?country=KZ").exchange().expectStatus().isUnauthorized();
        client.mutateWith(as("root", "admin"))
                .post().uri("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated();
    }

    @Test
    void refusesAStreamOrListWithoutValidCountries() {
        for (String uri : List.of("/api/v1/alerts/stream?country=kz", "/api/v1/alerts/stream?country=KZ,",
                "/api/v1/alerts/stream", "/api/v1/alerts?country=KZKG", "/api/v1/alerts?since=yesterday")) {
            client.mutateWith(as("ana", "analyst")).get().uri(uri)
                    .accept(MediaType.TEXT_EVENT_STREAM, MediaType.APPLICATION_JSON)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void keepsHealthOpenToProbes() {
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    private List<String> subscriptionIds(String user) {
        return client.mutateWith(as(user, "analyst")).get().uri("/api/v1/subscriptions")
                .exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody()
                .stream().map(s -> s.get("id").toString()).toList();
    }

    private String refused(String body) {
        return client.mutateWith(as("ana", "analyst"))
                .post().uri("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
