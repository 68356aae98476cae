package org.civicspace.export.adapter.in.web;

import java.util.Set;
import java.util.stream.Collectors;

import org.civicspace.export.application.ReadReportUseCase;
import org.civicspace.export.domain.ArchivedReport;
import org.civicspace.export.domain.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** Serves archived reports to those who may see them; to anyone else they do not exist. */
@RestController
@RequestMapping("/api/v1/reports")
class ArchivedReportsController {

    private static final String ROLE_PREFIX = "ROLE_";

    private final ReadReportUseCase readReport;

    ArchivedReportsController(ReadReportUseCase readReport) {
        this.readReport = readReport;
    }

    /** The report as {@code {id, sensitivity, source, report, classification, duplicateOf, archivedAt}}. */
    @GetMapping("/{id}")
    Mono<ArchivedReport> report(@PathVariable String id, JwtAuthenticationToken authentication) {
        return readReport.read(id, callerOf(authentication)).switchIfEmpty(Mono.error(() -> notFound()));
    }

    private static Caller callerOf(JwtAuthenticationToken authentication) {
        Set<String> roles = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(authentication.getToken().getSubject(), roles);
    }

    /** The same answer for a missing report and a hidden one: it must not reveal which it is. */
    private static ErrorResponseException notFound() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is no report with this id that you may read.");
        problem.setTitle("Report not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
