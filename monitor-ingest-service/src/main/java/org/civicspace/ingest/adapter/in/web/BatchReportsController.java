package org.civicspace.ingest.adapter.in.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.civicspace.ingest.application.SubmitReportUseCase;
import org.civicspace.ingest.domain.PartnerSubmission;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.fasterxml.jackson.annotation.JsonInclude;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many reports in one request, as NDJSON or CSV. Every line gets its own answer — its id, or why
 * it was refused — and a bad line never holds back the good ones.
 */
@RestController
@RequestMapping("/api/v1/reports")
class BatchReportsController {

    static final int MAX_REPORTS = 10_000;
    static final int MAX_BYTES = 64 * 1024 * 1024;
    static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
    private static final int IN_FLIGHT = 8;

    private final SubmitReportUseCase submitReport;
    private final Validator validator;
    private final BatchReader reader;

    BatchReportsController(SubmitReportUseCase submitReport, Validator validator, JsonMapper json) {
        this.submitReport = submitReport;
        this.validator = validator;
        this.reader = new BatchReader(json);
    }

    @PostMapping(path = "/batch", consumes = {"application/x-ndjson", "text/csv"})
    Mono<BatchResult> submitBatch(ServerHttpRequest request, @AuthenticationPrincipal Jwt caller) {
        boolean csv = MediaType.valueOf("text/csv").isCompatibleWith(request.getHeaders().getContentType());
        return DataBufferUtils.join(request.getBody(), MAX_BYTES)
                .onErrorMap(DataBufferLimitException.class, tooBig -> new ResponseStatusException(
                        HttpStatus.CONTENT_TOO_LARGE, "A batch may be at most " + MAX_BYTES / (1024 * 1024) + " MiB."))
                .map(buffer -> {
                    try {
                        return utf8(buffer.asByteBuffer());
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty("")
                .map(body -> read(body, csv))
                .flatMap(lines -> submit(lines, caller.getSubject()));
    }

    private List<BatchLine> read(String body, boolean csv) {
        try {
            List<BatchLine> lines = csv ? reader.csv(body) : reader.ndjson(body);
            if (lines.isEmpty()) {
                throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The batch holds no reports.");
            }
            if (lines.size() > MAX_REPORTS) {
                throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "A batch may hold at most "
                        + MAX_REPORTS + " reports; this one holds " + lines.size() + ". Split it.");
            }
            return lines;
        } catch (IllegalArgumentException wholeBatch) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, wholeBatch.getMessage());
        }
    }

    private Mono<BatchResult> submit(List<BatchLine> lines, String partner) {
        List<LineResult> early = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        Set<String> idsInThisBatch = new HashSet<>();
        for (BatchLine line : lines) {
            List<Map<String, String>> errors = line.request() == null ? line.errors() : violations(line.request());
            if (!errors.isEmpty()) {
                early.add(LineResult.rejected(line.line(), errors));
                continue;
            }
            PartnerSubmission submission = new PartnerSubmission(partner, line.request().sensitivity(),
                    line.request().toReport());
            if (!idsInThisBatch.add(submission.reportId())) {
                early.add(LineResult.duplicate(line.line(), submission.reportId()));
                continue;
            }
            pending.add(new Pending(line.line(), submission));
        }
        return Flux.fromIterable(pending)
                .flatMapSequential(p -> submitReport.submit(p.submission()).map(submitted -> submitted.firstSubmission()
                        ? LineResult.accepted(p.line(), submitted.reportId())
                        : LineResult.duplicate(p.line(), submitted.reportId())), IN_FLIGHT)
                .collectList()
                .map(submitted -> BatchResult.of(early, submitted));
    }

    private List<Map<String, String>> violations(ReportRequest request) {
        Set<ConstraintViolation<ReportRequest>> violations = validator.validate(request);
        return violations.stream()
                .map(v -> Map.of("field", v.getPropertyPath().toString(), "message", v.getMessage()))
                .sorted((a, b) -> a.get("field").compareTo(b.get("field")))
                .toList();
    }

    private static String utf8(ByteBuffer bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
        } catch (CharacterCodingException notUtf8) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The batch is not valid UTF-8.");
        }
    }

    private record Pending(int line, PartnerSubmission submission) {
    }

    /** The answer for one line: {@code accepted} or {@code duplicate} with the id, or {@code rejected} with errors. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record LineResult(int line, String status, String id, List<Map<String, String>> errors) {

        static LineResult accepted(int line, String id) {
            return new LineResult(line, "accepted", id, List.of());
        }

        static LineResult duplicate(int line, String id) {
            return new LineResult(line, "duplicate", id, List.of());
        }

        static LineResult rejected(int line, List<Map<String, String>> errors) {
            return new LineResult(line, "rejected", null, errors);
        }
    }

    /** The answer for a batch: counts, then one result per report in line order. */
    record BatchResult(int reports, int accepted, int duplicates, int rejected, List<LineResult> results) {

        static BatchResult of(List<LineResult> early, List<LineResult> submitted) {
            List<LineResult> all = new ArrayList<>(early);
            all.addAll(submitted);
            all.sort((a, b) -> Integer.compare(a.line(), b.line()));
            return new BatchResult(all.size(), count(all, "accepted"), count(all, "duplicate"), count(all, "rejected"),
                    all);
        }

        private static int count(List<LineResult> results, String status) {
            return (int) results.stream().filter(r -> r.status().equals(status)).count();
        }
    }
}
