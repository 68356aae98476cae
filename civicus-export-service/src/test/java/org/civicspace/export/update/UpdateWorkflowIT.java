package org.civicspace.export.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicspace.export.update.domain.Sources.report;

import java.util.UUID;

import org.civicspace.export.application.ArchiveReportUseCase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The editor workflow over HTTP: edits as versions, review, publish, the frozen published update and its corrections. */
class UpdateWorkflowIT extends UpdateTestContext {

    @Autowired
    ArchiveReportUseCase archive;

    @Autowired
    JsonMapper json;

    @Test
    void keepsEveryEditAsAVersionWithWhoAndWhen() {
        String reportId = "w-" + UUID.randomUUID();
        archive.archive(report(reportId, "2026-10-03T09:00:00Z").title("Picket dispersed").classified("MD")).block();
        String id = draft("MD");

        JsonNode edited = body(as("editor", "editor-2").patch().uri("/api/v1/updates/{id}", id)
                .header(HttpHeaders.IF_MATCH, "\"1\"").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"headline\": \"Pickets dispersed in Chisinau\", \"developments\": [{\"id\": \""
                        + reportId + "\", \"text\": \"Police dispersed a picket on 3 October.\"}]}")
                .exchange().expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\""));
        assertThat(edited.get("version").asInt()).isEqualTo(2);
        assertThat(edited.get("status").asString()).isEqualTo("draft");
        assertThat(edited.get("editedBy").asString()).isEqualTo("editor-2");
        assertThat(edited.get("headline").asString()).isEqualTo("Pickets dispersed in Chisinau");
        assertThat(edited.get("sections").get(1).get("developments").get(0).get("text").asString())
                .isEqualTo("Police dispersed a picket on 3 October.");

        JsonNode latest = body(as("editor", "editor-1").get().uri("/api/v1/updates/{id}", id).exchange()
                .expectStatus().isOk());
        assertThat(latest.get("version").asInt()).isEqualTo(2);
        JsonNode first = body(as("editor", "editor-1").get().uri("/api/v1/updates/{id}/versions/1", id).exchange()
                .expectStatus().isOk());
        assertThat(first.get("headline").asString()).isEqualTo("Protesters detained");
        JsonNode versions = body(as("editor", "editor-1").get().uri("/api/v1/updates/{id}/versions", id).exchange()
                .expectStatus().isOk());
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(0).get("editedBy").asString()).isEqualTo("editor-1");
        assertThat(versions.get(1).get("editedBy").asString()).isEqualTo("editor-2");
        assertThat(versions.get(1).get("editedAt").asString()).isNotBlank();

        as("editor", "editor-1").get().uri("/api/v1/updates?country=md").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].id").isEqualTo(id).jsonPath("$[0].version").isEqualTo(2);
    }

    @Test
    void refusesAChangeToAVersionThatIsNoLongerTheLatest() {
        String id = draft("BY");
        patch(id, "\"1\"", "{\"headline\": \"First edit\"}").expectStatus().isOk();
        patch(id, "\"1\"", "{\"headline\": \"Edit of a stale copy\"}").expectStatus().isEqualTo(412)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        as("editor", "editor-1").get().uri("/api/v1/updates/{id}", id).exchange()
                .expectBody().jsonPath("$.headline").isEqualTo("First edit");
    }

    @Test
    void goesFromDraftThroughReviewToAFrozenPublishedUpdateThatOnlyACorrectionChanges() {
        String id = draft("UA");
        post(id, "publish").expectStatus().isEqualTo(409);
        post(id, "review").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("in_review")
                .jsonPath("$.version").isEqualTo(2);
        post(id, "review").expectStatus().isEqualTo(409);
        post(id, "publish").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("published")
                .jsonPath("$.version").isEqualTo(3);

        patch(id, null, "{\"headline\": \"Quietly changed\"}").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("correction"));
        JsonNode corrected = body(patch(id, null,
                "{\"headline\": \"Protest banned in Kyiv\", \"correction\": \"The ban was in Kyiv, not Lviv.\"}")
                .expectStatus().isOk());
        assertThat(corrected.get("status").asString()).isEqualTo("published");
        assertThat(corrected.get("version").asInt()).isEqualTo(4);
        assertThat(corrected.get("introduction").asString()).startsWith("Correction of ")
                .contains(": The ban was in Kyiv, not Lviv.");
        as("editor", "editor-1").get().uri("/api/v1/updates/{id}/versions/3", id).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.headline").isEqualTo("No civic space developments recorded");
        as("editor", "editor-1").get().uri("/api/v1/updates/{id}/versions", id).exchange().expectBody()
                .jsonPath("$[3].correction").isEqualTo("The ban was in Kyiv, not Lviv.")
                .jsonPath("$[3].status").isEqualTo("published");
        as("editor", "editor-1").get().uri("/api/v1/updates/{id}/export?format=md&version=3", id).exchange()
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"ua-update-2026-10-v3.md\"");
    }

    @Test
    void namesWhatIsWrongWithAnEdit() {
        String id = draft("LT");
        patch(id, null, "{}").expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].parameter")
                .isEqualTo("body");
        patch(id, null, "{\"headline\": \" \", \"developments\": [{\"id\": \"nope\", \"text\": \"x\"}]}")
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].parameter").isEqualTo("headline");
        patch(id, null, "{\"developments\": [{\"id\": \"nope\", \"text\": \"x\"}]}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("no development with id nope in this update");
        patch(id, null, "{\"headline\": \"x\", \"correction\": \"why\"}").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].parameter").isEqualTo("correction");
        patch("u-00000000000000000000", null, "{\"headline\": \"x\"}").expectStatus().isNotFound();
    }

    String draft(String country) {
        return body(as("editor", "editor-1").post().uri("/api/v1/updates").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"country\": \"" + country + "\", \"from\": \"2026-10-01\", \"to\": \"2026-10-31\"}")
                .exchange().expectStatus().isCreated()).get("id").asString();
    }

    WebTestClient.ResponseSpec patch(String id, String ifMatch, String body) {
        WebTestClient.RequestBodySpec request = as("editor", "editor-1").patch().uri("/api/v1/updates/{id}", id)
                .contentType(MediaType.APPLICATION_JSON);
        if (ifMatch != null) {
            request = request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request.bodyValue(body).exchange();
    }

    WebTestClient.ResponseSpec post(String id, String step) {
        return as("editor", "editor-1").post().uri("/api/v1/updates/{id}/{step}", id, step).exchange();
    }

    JsonNode body(WebTestClient.ResponseSpec response) {
        return json.readTree(response.expectBody().returnResult().getResponseBody());
    }
}
