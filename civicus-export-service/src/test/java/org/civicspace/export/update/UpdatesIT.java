package org.civicspace.export.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicspace.export.update.domain.Sources.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.bson.Document;
import org.civicspace.events.Freedom;
import org.civicspace.events.PersonRole;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Source;
import org.civicspace.events.Topics;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;
import org.civicspace.export.application.ArchiveReportUseCase;
import org.civicspace.export.update.application.IncidentStore;
import org.civicspace.export.update.domain.Pseudonyms;
import org.civicspace.export.update.domain.Sources;
import org.civicspace.export.update.render.CsvUpdateRendererTest;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Country updates over HTTP, compiled from a seeded archive and incidents that came in from the broker. */
class UpdatesIT extends UpdateTestContext {

    static final String CONFIDENTIAL_TITLE = "Safe house of the Gyumri and Ganja group";
    static final String RESTRICTED_TITLE = "Staff note on the detention";
    static final String MALICIOUS_TITLE = "<script>alert(1)</script> [click](javascript:alert(2)) ![x](http://t.example/p.png)";

    @Autowired
    ArchiveReportUseCase archive;

    @Autowired
    IncidentStore incidents;

    @Autowired
    ReactiveMongoTemplate mongo;

    @Autowired
    UpdateProperties properties;

    @Autowired
    JsonMapper json;

    /**
     * {@code country} (each test its own), October 2026: two outlets and a staff note on one arrest (one incident, which also
     * holds a confidential report), a censorship story with a near-duplicate and a hostile title, a
     * confidential report of its own, a football story, and one report in September.
     */
    String seed(String country, String prefix) {
        String incident = "inc-" + prefix;
        List<Sources> reports = List.of(
                report(prefix + "-arrest-1", "2026-10-10T09:00:00Z").title("Maksim Ivanov detained after the picket")
                        .person("Maksim Ivanov", PersonRole.DEFENDER, true)
                        .violations(ViolationType.HRD_DETAINED, ViolationType.PROTESTER_DETAINED),
                report(prefix + "-arrest-2", "2026-10-11T09:00:00Z").title("Суд арестовал Максима Иванова")
                        .violations(ViolationType.HRD_DETAINED),
                report(prefix + "-arrest-3", "2026-10-12T09:00:00Z").title(RESTRICTED_TITLE)
                        .source(Source.partner("partner-am")).sensitivity(Sensitivity.RESTRICTED),
                report(prefix + "-arrest-4", "2026-10-13T09:00:00Z").title(CONFIDENTIAL_TITLE + " hid him")
                        .source(Source.partner("partner-am")).sensitivity(Sensitivity.CONFIDENTIAL),
                report(prefix + "-paper", "2026-10-05T09:00:00Z").title(MALICIOUS_TITLE).url("javascript:alert(3)")
                        .freedoms(Freedom.EXPRESSION).violations(ViolationType.CENSORSHIP),
                report(prefix + "-paper-dup", "2026-10-06T09:00:00Z").title("Newspaper closed, says second outlet")
                        .freedoms(Freedom.EXPRESSION).violations(ViolationType.CENSORSHIP).duplicateOf(prefix + "-paper"),
                report(prefix + "-secret", "2026-10-20T09:00:00Z").title(CONFIDENTIAL_TITLE)
                        .sensitivity(Sensitivity.CONFIDENTIAL).freedoms(Freedom.ASSOCIATION),
                report(prefix + "-football", "2026-10-21T09:00:00Z").title("Football derby ends in a draw")
                        .urgency(Urgency.NOT_RELEVANT),
                report(prefix + "-september", "2026-09-15T09:00:00Z").title("September protest"));
        for (Sources source : reports) {
            archive.archive(source.classified(country)).block();
        }
        send(Topics.INCIDENT_CHANGED, country, IncidentMembershipIT.incidentChanged(incident, country, 1,
                prefix + "-arrest-1", prefix + "-arrest-2", prefix + "-arrest-3", prefix + "-arrest-4"));
        await("incident " + incident,
                () -> incidents.incidentsOf(List.of(prefix + "-arrest-4")).block().containsKey(prefix + "-arrest-4"));
        return incident;
    }

    @Test
    void compilesADraftWithIncidentsAsTheUnitAndExportsNothingConfidential() {
        String prefix = "c" + UUID.randomUUID().toString().substring(0, 8);
        String incident = seed("AM", prefix);
        String pseudonym = new Pseudonyms(properties.pseudonymSecret()).pseudonymOf("Maksim Ivanov");

        JsonNode draft = compile("{\"country\": \"am\", \"from\": \"2026-10-01\", \"to\": \"2026-10-31\"}");

        assertThat(draft.get("status").asString()).isEqualTo("draft");
        assertThat(draft.get("version").asInt()).isEqualTo(1);
        assertThat(draft.get("country").asString()).isEqualTo("AM");
        assertThat(draft.get("editedBy").asString()).isEqualTo("editor-1");
        assertThat(draft.get("headline").asString()).isEqualTo("HRD detained; protesters detained; censorship");
        assertThat(draft.get("introduction").asString()).contains("Armenia from 1 October 2026 to 31 October 2026")
                .contains("2 developments recorded").contains("1 September 2026 to 30 September 2026): 1 development");
        JsonNode sections = draft.get("sections");
        assertThat(sections.get(0).get("freedom").asString()).isEqualTo("association");
        assertThat(sections.get(0).get("developments").size()).as("the confidential report is left out").isZero();
        JsonNode assembly = sections.get(1).get("developments");
        assertThat(assembly.size()).isEqualTo(1);
        assertThat(assembly.get(0).get("id").asString()).isEqualTo(incident);
        assertThat(assembly.get(0).get("date").asString()).isEqualTo("2026-10-10");
        assertThat(assembly.get(0).get("text").asString())
                .contains("Reported as \u201c" + pseudonym + " detained after the picket\u201d")
                .contains(pseudonym + " (defender)");
        JsonNode expression = sections.get(2).get("developments");
        assertThat(expression.get(0).get("id").asString()).isEqualTo(prefix + "-paper");
        assertThat(assembly.get(0).get("footnotes").toString()).as("numbered in reading order").isEqualTo("[1,2]");
        assertThat(expression.get(0).get("footnotes").toString()).isEqualTo("[3,4]");
        JsonNode footnotes = draft.get("footnotes");
        assertThat(footnotes.size()).as("two public sources per development; restricted and confidential ones left out")
                .isEqualTo(4);
        assertThat(footnotes.get(0).get("publisher").asString()).isEqualTo("news.example");
        assertThat(footnotes.get(1).get("title").asString()).isEqualTo("Суд арестовал " + pseudonym);
        assertThat(footnotes.get(2).get("url").isNull()).as("a javascript: link is dropped").isTrue();
        assertThat(draft.get("chart").get(0).get("month").asString()).isEqualTo("2026-10");

        String id = draft.get("id").asString();
        String md = export(id, "md");
        String exported = md + export(id, "json");
        assertThat(exported).doesNotContain(CONFIDENTIAL_TITLE, RESTRICTED_TITLE, "Ivanov", "Иванов", "Football")
                .contains(pseudonym);
        assertThat(md).doesNotContain("<script>", "](javascript", "![x](", "javascript:alert(3)")
                .contains("\\<script\\>alert\\(1\\)\\</script\\>").contains("\\[click\\]\\(javascript:alert\\(2\\)\\)");
        assertThat(md).contains("## Association", "## Peaceful Assembly", "## Expression", "## Sources")
                .contains("1. ").contains("<https://news.example/" + prefix + "-arrest-1>");
        assertThat(auditOf(prefix + "-arrest-3")).as("nothing restricted was exported").isEmpty();
    }

    @Test
    void everyFormatLeavesOutConfidentialReportsAndRealNamesAndDefusesAHostileTitle() throws IOException {
        String prefix = "f" + UUID.randomUUID().toString().substring(0, 8);
        seed("AZ", prefix);
        String pseudonym = new Pseudonyms(properties.pseudonymSecret()).pseudonymOf("Maksim Ivanov");
        String id = compile("{\"country\": \"AZ\", \"from\": \"2026-10-01\", \"to\": \"2026-10-31\"}")
                .get("id").asString();

        for (String format : List.of("md", "html", "docx", "pdf", "json", "csv")) {
            byte[] file = as("editor", "editor-1").get().uri("/api/v1/updates/{id}/export?format={f}", id, format)
                    .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
            String text = readBack(format, file);

            assertThat(text).as(format).contains(pseudonym, "Newspaper closed")
                    .doesNotContain(CONFIDENTIAL_TITLE, RESTRICTED_TITLE, "Ivanov", "Иванов", "Football");
            if (format.equals("html")) {
                org.jsoup.nodes.Document page = Jsoup.parse(new String(file, StandardCharsets.UTF_8));
                assertThat(page.select("script, [onerror], [onload], a[href^=javascript]")).as("html").isEmpty();
                assertThat(page.text()).contains("<script>alert(1)</script>");
            }
            if (format.equals("csv")) {
                assertThat(CsvUpdateRendererTest.parse(text.replace("\uFEFF", "")).stream().flatMap(List::stream)
                        .map(String::stripLeading)).as("csv cells").noneMatch(cell -> cell.matches("(?s)^[=+\\-@].*"));
            }
        }
    }

    /**
     * Everything a reader of the format could see: the text of html, csv, md and json as served, the
     * text of every page of the pdf, and every part of the docx (its footnotes and headers too).
     */
    static String readBack(String format, byte[] file) throws IOException {
        switch (format) {
            case "pdf" -> {
                try (PDDocument pdf = Loader.loadPDF(file)) {
                    return new PDFTextStripper().getText(pdf);
                }
            }
            case "docx" -> {
                StringBuilder parts = new StringBuilder();
                try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
                    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                        parts.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8).replaceAll("<[^>]+>", ""));
                    }
                }
                try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(file));
                        XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
                    return extractor.getText() + parts;
                }
            }
            default -> {
                return new String(file, StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void showsRestrictedSourcesOnlyInAnInternalUpdateAndAuditsItsExport() {
        String prefix = "i" + UUID.randomUUID().toString().substring(0, 8);
        seed("AZ", prefix);

        JsonNode draft = compile(
                "{\"country\": \"AZ\", \"from\": \"2026-10-01\", \"to\": \"2026-10-31\", \"internal\": true}");
        assertThat(draft.get("internal").asBoolean()).isTrue();
        assertThat(draft.get("footnotes").toString()).contains("[Restricted] " + RESTRICTED_TITLE)
                .doesNotContain(CONFIDENTIAL_TITLE);

        String md = export(draft.get("id").asString(), "md");
        assertThat(md).contains("Internal: not for publication").contains("\\[Restricted\\] " + RESTRICTED_TITLE)
                .doesNotContain(CONFIDENTIAL_TITLE);
        List<Document> audit = auditOf(prefix + "-arrest-3");
        assertThat(audit).hasSize(1);
        assertThat(audit.get(0).getString("reader")).isEqualTo("editor-1");
        assertThat(audit.get(0).getString("sensitivity")).isEqualTo("RESTRICTED");
    }

    @Test
    void namesEachBadFieldOfACompileRequest() {
        Map<String, Object> problem = problem(as("editor", "editor-1").post().uri("/api/v1/updates")
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"country\": \"XX\", \"from\": \"yesterday\"}")
                .exchange().expectStatus().isBadRequest());
        assertThat(problem.get("errors").toString()).contains("parameter=country").contains("parameter=from")
                .contains("parameter=to");

        problem = problem(as("editor", "editor-1").post().uri("/api/v1/updates").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"country\": \"KZ\", \"from\": \"2026-10-31\", \"to\": \"2026-10-01\"}")
                .exchange().expectStatus().isBadRequest());
        assertThat(problem.get("detail").toString()).contains("to: must not be before from");

        problem = problem(as("editor", "editor-1").post().uri("/api/v1/updates").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"country\": \"KZ\", \"from\": \"2024-01-01\", \"to\": \"2026-10-01\"}")
                .exchange().expectStatus().isBadRequest());
        assertThat(problem.get("detail").toString()).contains("at most 366 days");
    }

    @Test
    void answersAnUnknownFormatWithTheFormatsThereAre() {
        String id = compile("{\"country\": \"GE\", \"from\": \"2026-10-01\", \"to\": \"2026-10-31\"}").get("id").asString();
        Map<String, Object> problem = problem(as("editor", "editor-1").get()
                .uri("/api/v1/updates/{id}/export?format=exe", id).exchange().expectStatus().isBadRequest());
        assertThat(problem.get("detail").toString()).contains("unknown format 'exe'").contains("json").contains("md");

        as("editor", "editor-1").get().uri("/api/v1/updates/{id}/export?format=md", id).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/markdown")
                .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"ge-update-2026-10.md\"");
        as("editor", "editor-1").get().uri("/api/v1/updates/u-00000000000000000000/export?format=md").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void letsOnlyEditorsAndAdminsAtUpdates() {
        as("analyst", "analyst-1").get().uri("/api/v1/updates?country=KZ").exchange().expectStatus().isForbidden();
        client.get().uri("/api/v1/updates").exchange().expectStatus().isUnauthorized();
        as("admin", "admin-1").get().uri("/api/v1/updates?country=KZ").exchange().expectStatus().isOk();
    }

    JsonNode compile(String body) {
        byte[] answer = as("editor", "editor-1").post().uri("/api/v1/updates").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches(HttpHeaders.LOCATION, "/api/v1/updates/u-[0-9a-f]{20}")
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody().returnResult().getResponseBody();
        return json.readTree(answer);
    }

    String export(String id, String format) {
        byte[] file = as("editor", "editor-1").get().uri("/api/v1/updates/{id}/export?format={f}", id, format)
                .exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody();
        return new String(file, StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> problem(WebTestClient.ResponseSpec response) {
        return response.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    List<Document> auditOf(String reportId) {
        return mongo.find(Query.query(Criteria.where("reportId").is(reportId)), Document.class, "audit_log")
                .collectList().block();
    }
}
