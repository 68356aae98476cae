package org.civicspace.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockJwt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.civicspace.events.Topics;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/** Partners submitting reports, one at a time and in batches. */
class ReportSubmissionIT extends IngestIntegrationTest {

    @Test
    void publishesAnAcceptedReportKeyedByItsId() {
        String id = submit("partner-a", """
                {"title": "Activist held in Almaty", "text": "Police detained a local activist after a picket.",
                 "language": "en", "occurredAt": "2026-11-01T10:00:00Z", "partnerReference": "A-100",
                 "sensitivity": "restricted", "hints": {"country": "KZ", "freedoms": ["peaceful_assembly"]},
                 "persons": [{"name": "Aigerim Test", "role": "defender", "protected": true}]}
                """, HttpStatus.ACCEPTED);

        List<ConsumerRecord<String, String>> published = recordsKeyed(id, Duration.ofSeconds(1));
        assertThat(published).hasSize(1);
        ConsumerRecord<String, String> record = published.get(0);
        assertThat(record.key()).isEqualTo(id);
        assertThat(record.value())
                .contains("\"reportId\":\"" + id + "\"", "\"sensitivity\":\"restricted\"",
                        "\"occurredAt\":\"2026-11-01T10:00:00Z\"", "\"protected\":true",
                        "\"freedoms\":[\"peaceful_assembly\"]", "\"submittedBy\":\"partner-a\"");
        assertThat(new String(record.headers().lastHeader(Topics.SENSITIVITY_HEADER).value())).isEqualTo("restricted");
    }

    @Test
    void answersAResubmissionWithTheSameIdAndPublishesNothingNew() {
        String body = """
                {"title": "Newspaper office searched", "text": "Officers searched the editorial office.",
                 "partnerReference": "B-7"}
                """;
        String first = submit("partner-b", body, HttpStatus.ACCEPTED);
        String again = submit("partner-b", body.replace("editorial office", "editorial office in the morning"),
                HttpStatus.OK);

        assertThat(again).isEqualTo(first);
        assertThat(recordsKeyed(first, Duration.ofSeconds(3))).hasSize(1);
    }

    @Test
    void recognisesTheSameContentWithoutAPartnerReference() {
        String body = """
                {"title": "Rally dispersed", "text": "Police dispersed a rally in the city centre."}
                """;
        String first = submit("partner-c", body, HttpStatus.ACCEPTED);
        assertThat(submit("partner-c", body, HttpStatus.OK)).isEqualTo(first);
    }

    static final String UNION_STORY = "Police in Shymkent detained four members of an independent teachers' union on"
            + " Tuesday after they announced a protest outside the regional education office. A lawyer for the union"
            + " said the four were questioned for six hours without counsel and released late at night with a warning.";

    static final String RADIO_STORY = "Officers searched the studio of a community radio station in Naryn on Friday"
            + " and seized two computers and a transmitter. The station's director said the search followed a"
            + " broadcast about land disputes, and that no warrant was shown to the staff present at the time.";

    @Test
    void marksAPartnersRetellingOrCopyOfAStoryDuplicateOfItsFirstReportAndStillPublishesIt() {
        String first = submit("partner-d", report("Teachers detained", UNION_STORY, "public", "D-1"), HttpStatus.ACCEPTED);
        String retold = submit("partner-e", report("Union members held in Shymkent",
                "SHYMKENT. " + UNION_STORY + " The regional police did not comment.", "public", "E-1"), HttpStatus.ACCEPTED);
        String copied = submit("partner-f", report("Teachers detained", UNION_STORY, "public", "F-1"), HttpStatus.ACCEPTED);

        Map<String, String> published = published(first, retold, copied);
        assertThat(published.get(first)).doesNotContain("\"duplicateOf\":\"");
        assertThat(published.get(retold)).contains("\"duplicateOf\":\"" + first + "\"");
        assertThat(published.get(copied)).contains("\"duplicateOf\":\"" + first + "\"");
    }

    @Test
    void comparesAReportOnlyWithReportsOfTheSameSensitivity() {
        String secret = submit("partner-g", report("Radio station searched", RADIO_STORY, "confidential", "G-1"),
                HttpStatus.ACCEPTED);
        String open = submit("partner-h", report("Radio station searched", RADIO_STORY, "public", "H-1"),
                HttpStatus.ACCEPTED);
        String restricted = submit("partner-i", report("Naryn radio raided", "NARYN. " + RADIO_STORY, "restricted", "I-1"),
                HttpStatus.ACCEPTED);
        String secretAgain = submit("partner-j", report("Naryn radio raided", "NARYN. " + RADIO_STORY, "confidential",
                "J-1"), HttpStatus.ACCEPTED);

        String secretThird = submit("partner-k", report("Radio station searched", RADIO_STORY + " Staff were shaken.",
                "confidential", "K-1"), HttpStatus.ACCEPTED);

        Map<String, String> published = published(open, restricted, secretAgain, secretThird);
        // neither a public nor a restricted report points at the confidential one, nor at each other
        assertThat(published.get(open)).doesNotContain("\"duplicateOf\":\"");
        assertThat(published.get(restricted)).doesNotContain("\"duplicateOf\":\"");
        // confidential reports are compared with confidential ones only, never with the public one
        assertThat(published.get(secretAgain)).contains("\"duplicateOf\":\"" + secret + "\"");
        assertThat(published.get(secretThird)).contains("\"duplicateOf\":\"" + secret + "\"").doesNotContain(open);
    }

    /** The value published under each of these keys, polling the topic until every one is there. */
    private Map<String, String> published(String... keys) {
        Map<String, String> found = new java.util.HashMap<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (found.size() < keys.length && System.nanoTime() < deadline) {
            topic.poll(Duration.ofMillis(200)).forEach(r -> found.put(r.key(), r.value()));
        }
        assertThat(found).containsKeys(keys);
        return found;
    }

    private static String report(String title, String text, String sensitivity, String reference) {
        return "{\"title\": \"" + title + "\", \"text\": \"" + text.replace("\"", "\\\"") + "\", \"sensitivity\": \""
                + sensitivity + "\", \"partnerReference\": \"" + reference + "\"}";
    }

    @Test
    void refusesAnInvalidReportWithProblemDetailsNamingEachField() {
        client.mutateWith(mockJwt().jwt(jwt -> jwt.subject("partner-a")).authorities(role("partner")))
                .post().uri("/api/v1/reports").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("""
                        {"title": "", "text": "x", "occurredAt": "2999-01-01T00:00:00Z",
                         "hints": {"country": "kz"}}
                        """)
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).value(body -> assertThat(body)
                        .contains("title", "occurredAt", "must not be in the future", "hints.country"));
    }

    @Test
    void refusesMalformedJsonAndUnknownSensitivityWithProblemDetails() {
        for (String body : List.of("{\"title\": ", "{\"title\": \"t\", \"text\": \"x\", \"sensitivity\": \"secret\"}")) {
            client.mutateWith(mockJwt().authorities(role("partner")))
                    .post().uri("/api/v1/reports").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void namesTheFieldOfAValueOfTheWrongFormWithoutRepeatingIt() {
        String hostile = "<script>alert(1)</script>";
        for (Map.Entry<String, String> sent : Map.of(
                "persons[0].role", "{\"title\": \"t\", \"text\": \"x\", \"persons\": [{\"name\": \"A B\", \"role\": \"" + hostile + "\"}]}",
                "occurredAt", "{\"title\": \"t\", \"text\": \"x\", \"occurredAt\": \"" + hostile + "\"}",
                "persons", "{\"title\": \"t\", \"text\": \"x\", \"persons\": 42}",
                "title", "{\"title\": \"\\u0000\\u0007 \\u001b\", \"text\": \"x\"}").entrySet()) {
            client.mutateWith(mockJwt().authorities(role("partner")))
                    .post().uri("/api/v1/reports").contentType(MediaType.APPLICATION_JSON).bodyValue(sent.getValue())
                    .exchange()
                    .expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo(sent.getKey())
                    .jsonPath("$.detail").value(detail -> assertThat((String) detail).doesNotContain(hostile));
        }
    }

    @Test
    void letsOnlyPartnersAndAdminsSubmit() {
        String body = "{\"title\": \"t\", \"text\": \"x\"}";
        client.post().uri("/api/v1/reports").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isUnauthorized();
        client.mutateWith(mockJwt().authorities(role("analyst")))
                .post().uri("/api/v1/reports").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void answersEachLineOfAnNdjsonBatchAndPublishesOnlyTheGoodOnes() {
        String body = String.join("\n",
                "{\"title\": \"Editor summoned in Tashkent\", \"text\": \"Prosecutors summoned a newspaper editor.\", \"partnerReference\": \"N-1\"}",
                "",
                "{\"text\": \"A report without a title.\"}",
                "{\"title\": \"broken",
                "{\"title\": \"Editor summoned in Tashkent\", \"text\": \"Prosecutors summoned a newspaper editor.\", \"partnerReference\": \"N-1\"}",
                "{\"title\": \"Rally in Yerevan\", \"text\": \"Hundreds rallied peacefully.\", \"sensitivity\": \"secret\"}");

        Map<String, Object> result = batch("partner-d", "application/x-ndjson", body, HttpStatus.OK);

        assertThat(result).containsEntry("reports", 5).containsEntry("accepted", 1).containsEntry("duplicates", 1)
                .containsEntry("rejected", 3);
        List<Map<String, Object>> lines = lines(result);
        assertThat(lines).extracting(l -> l.get("line")).containsExactly(1, 3, 4, 5, 6);
        assertThat(lines).extracting(l -> l.get("status"))
                .containsExactly("accepted", "rejected", "rejected", "duplicate", "rejected");
        assertThat(lines.get(3).get("id")).isEqualTo(lines.get(0).get("id"));
        assertThat(lines.get(1).get("errors").toString()).contains("title");
        assertThat(lines.get(4).get("errors").toString()).contains("secret", "public, restricted, confidential");
        assertThat(recordsKeyed(lines.get(0).get("id").toString(), Duration.ofSeconds(1))).hasSize(1);
    }

    @Test
    void readsACsvBatchWithFreedomsAndProtectedPersons() {
        String body = """
                title,text,country,freedoms,persons,sensitivity,partnerReference
                Lawyer detained in Minsk,"Police detained a lawyer, who defends activists.",BY,association;expression,Test Person|lawyer;Other Person|journalist|public,restricted,C-1
                ,Missing title,BY,,,,C-2
                """;

        Map<String, Object> result = batch("partner-e", "text/csv", body, HttpStatus.OK);

        List<Map<String, Object>> lines = lines(result);
        assertThat(lines).extracting(l -> l.get("status")).containsExactly("accepted", "rejected");
        assertThat(lines).extracting(l -> l.get("line")).containsExactly(2, 3);
        String published = recordsKeyed(lines.get(0).get("id").toString(), Duration.ofSeconds(1)).get(0).value();
        assertThat(published).contains("\"country\":\"BY\"", "\"freedoms\":[\"association\",\"expression\"]",
                "{\"name\":\"Test Person\",\"role\":\"lawyer\",\"protected\":true}",
                "{\"name\":\"Other Person\",\"role\":\"journalist\",\"protected\":false}",
                "\"sensitivity\":\"restricted\"");
    }

    @Test
    void refusesAWholeBatchThatCannotBeRightWithProblemDetails() {
        expectProblem("text/csv", "title,txt\nA,B\n".getBytes(StandardCharsets.UTF_8), HttpStatus.BAD_REQUEST,
                "unknown CSV column(s) [txt]");
        expectProblem("application/x-ndjson", new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'}, HttpStatus.BAD_REQUEST,
                "not valid UTF-8");
        expectProblem("application/x-ndjson", "\n\n".getBytes(StandardCharsets.UTF_8), HttpStatus.BAD_REQUEST,
                "no reports");
        String tooMany = "{\"title\": \"t\", \"text\": \"x\"}\n".repeat(10_001);
        expectProblem("application/x-ndjson", tooMany.getBytes(StandardCharsets.UTF_8), HttpStatus.CONTENT_TOO_LARGE,
                "at most 10000 reports");
    }

    private void expectProblem(String contentType, byte[] body, HttpStatus status, String detail) {
        client.mutateWith(mockJwt().authorities(role("partner")))
                .post().uri("/api/v1/reports/batch").contentType(MediaType.parseMediaType(contentType)).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).value(problem -> assertThat(problem).contains(detail));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> batch(String partner, String contentType, String body, HttpStatus expected) {
        return client.mutateWith(mockJwt().jwt(jwt -> jwt.subject(partner)).authorities(role("partner")))
                .post().uri("/api/v1/reports/batch").contentType(MediaType.parseMediaType(contentType)).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(expected)
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> lines(Map<String, Object> result) {
        return (List<Map<String, Object>>) result.get("results");
    }

    private String submit(String partner, String body, HttpStatus expected) {
        return client.mutateWith(mockJwt().jwt(jwt -> jwt.subject(partner)).authorities(role("partner")))
                .post().uri("/api/v1/reports").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange()
                .expectStatus().isEqualTo(expected)
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }
}
