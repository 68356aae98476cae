package org.civicspace.ingest.adapter.in.web;

import java.util.Map;

import org.civicspace.ingest.application.SubmitReportUseCase;
import org.civicspace.ingest.domain.PartnerSubmission;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/** Partners submit reports here; an accepted report is answered with its id. */
@RestController
@RequestMapping("/api/v1/reports")
class ReportsController {

    private final SubmitReportUseCase submitReport;

    ReportsController(SubmitReportUseCase submitReport) {
        this.submitReport = submitReport;
    }

    /** 202 with the id of a new report; 200 with the existing id when it was submitted before. */
    @PostMapping
    Mono<ResponseEntity<Map<String, String>>> submit(@Valid @RequestBody ReportRequest request,
            @AuthenticationPrincipal Jwt caller) {
        PartnerSubmission submission = new PartnerSubmission(caller.getSubject(), request.sensitivity(),
                request.toReport());
        return submitReport.submit(submission).map(submitted -> ResponseEntity
                .status(submitted.firstSubmission() ? HttpStatus.ACCEPTED : HttpStatus.OK)
                .body(Map.of("id", submitted.reportId())));
    }
}
