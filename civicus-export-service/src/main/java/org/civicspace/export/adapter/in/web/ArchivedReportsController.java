package org.civicspace.export.adapter.in.web;

import java.util.List;

import org.civicspace.export.application.ReadReportUseCase;
import org.civicspace.export.application.SearchReportsUseCase;
import org.civicspace.export.domain.ArchivedReport;
import org.civicspace.export.domain.SearchQuery;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriComponentsBuilder;

import reactor.core.publisher.Mono;

/** Serves archived reports to those who may see them; to anyone else they do not exist. */
@RestController
@RequestMapping("/api/v1/reports")
class ArchivedReportsController {


    private final ReadReportUseCase readReport;
    private final SearchReportsUseCase searchReports;

    ArchivedReportsController(ReadReportUseCase readReport, SearchReportsUseCase searchReports) {
        this.readReport = readReport;
        this.searchReports = searchReports;
    }

    /**
     * A page of the reports the caller may see that match every parameter given, newest first:
     * {@code {items, page, size, total, next}}, {@code next} being the link to the next page, or
     * null on the last one.
     */
    @GetMapping
    Mono<SearchResponse> search(@RequestParam(required = false) String country,
            @RequestParam(required = false) String freedom, @RequestParam(required = false) String violation,
            @RequestParam(required = false) String urgency, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String q,
            @RequestParam(required = false) String page, @RequestParam(required = false) String size,
            JwtAuthenticationToken authentication, ServerHttpRequest request) {
        return Mono.fromCallable(() -> SearchQuery.parse(country, freedom, violation, urgency, from, to, q, page, size))
                .flatMap(query -> searchReports.search(query, Callers.of(authentication)))
                .map(found -> new SearchResponse(found.items(), found.page(), found.size(), found.total(),
                        found.hasNext() ? pageLink(request, found.page() + 1) : null));
    }

    /** The report as {@code {id, sensitivity, source, report, classification, duplicateOf, archivedAt}}. */
    @GetMapping("/{id}")
    Mono<ArchivedReport> report(@PathVariable String id, JwtAuthenticationToken authentication) {
        return readReport.read(id, Callers.of(authentication)).switchIfEmpty(Mono.error(() -> notFound()));
    }

    private static String pageLink(ServerHttpRequest request, int page) {
        return UriComponentsBuilder.fromPath(request.getPath().value()).query(request.getURI().getRawQuery())
                .replaceQueryParam("page", page).build().toUriString();
    }


    /** One page of a search. */
    record SearchResponse(List<ArchivedReport> items, int page, int size, long total, String next) {
    }

    /** The same answer for a missing report and a hidden one: it must not reveal which it is. */
    private static ErrorResponseException notFound() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "There is no report with this id that you may read.");
        problem.setTitle("Report not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
