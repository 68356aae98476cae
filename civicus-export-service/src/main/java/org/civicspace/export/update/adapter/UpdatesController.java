package org.civicspace.export.update.adapter;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.civicspace.export.adapter.in.web.Callers;
import org.civicspace.export.domain.CountryCodes;
import org.civicspace.export.domain.InvalidParametersException;
import org.civicspace.export.update.UpdateProperties;
import org.civicspace.export.update.application.ExportUpdateService;
import org.civicspace.export.update.application.UpdateService;
import org.civicspace.export.update.domain.UpdateConflictException;
import org.civicspace.export.update.domain.UpdateEdit;
import org.civicspace.export.update.domain.UpdateRequest;
import org.civicspace.export.update.domain.UpdateVersion;
import org.civicspace.export.update.render.UpdateJson;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * Country updates: compile, read, edit, send for review, publish, export. Every answer that
 * carries one version has its number as {@code ETag}; {@code If-Match} with it on a change makes
 * the change apply only to that version.
 */
@RestController
@RequestMapping("/api/v1/updates")
class UpdatesController {


    private final UpdateService updates;
    private final ExportUpdateService exports;
    private final UpdateProperties properties;

    UpdatesController(UpdateService updates, ExportUpdateService exports, UpdateProperties properties) {
        this.updates = updates;
        this.exports = exports;
        this.properties = properties;
    }

    /** Body {@code {country, from, to, internal}} → {@code 201} with the draft, version 1. */
    @PostMapping
    Mono<ResponseEntity<UpdateJson>> compile(@RequestBody(required = false) CompileRequest body,
            JwtAuthenticationToken authentication) {
        CompileRequest given = body == null ? new CompileRequest(null, null, null, null) : body;
        return Mono.fromCallable(() -> UpdateRequest.parse(given.country(), given.from(), given.to(), given.internal(),
                        properties.maxPeriodDays()))
                .flatMap(request -> updates.compile(request, subject(authentication)))
                .map(compiled -> withVersion(ResponseEntity.created(URI.create("/api/v1/updates/" + compiled.id())),
                        compiled));
    }

    /** The latest version of each update (of {@code country} if given), last edited first. */
    @GetMapping
    Mono<List<Summary>> list(@RequestParam(required = false) String country) {
        if (country == null || country.isBlank()) {
            return updates.list(null).map(Summary::of).collectList();
        }
        String code = CountryCodes.normalise(country);
        if (!CountryCodes.isCountry(code)) {
            return Mono.error(new InvalidParametersException("country",
                    "'" + country + "' is not an ISO 3166-1 alpha-2 country code"));
        }
        return updates.list(code).map(Summary::of).collectList();
    }

    @GetMapping("/{id}")
    Mono<ResponseEntity<UpdateJson>> latest(@PathVariable String id) {
        return found(updates.latest(id)).map(latest -> withVersion(ResponseEntity.ok(), latest));
    }

    /** Every version, oldest first: {@code [{version, status, editedBy, editedAt, correction}]}. */
    @GetMapping("/{id}/versions")
    Mono<List<VersionSummary>> versions(@PathVariable String id) {
        return found(updates.versions(id).map(VersionSummary::of).collectList().filter(list -> !list.isEmpty()));
    }

    @GetMapping("/{id}/versions/{number}")
    Mono<ResponseEntity<UpdateJson>> version(@PathVariable String id, @PathVariable int number) {
        return found(updates.version(id, number)).map(version -> withVersion(ResponseEntity.ok(), version));
    }

    /**
     * Body {@code {headline, introduction, developments: [{id, text}], correction}}, any of the
     * first three; {@code correction} (why) is needed, and only allowed, for a published update.
     */
    @PatchMapping("/{id}")
    Mono<ResponseEntity<UpdateJson>> edit(@PathVariable String id, @RequestBody(required = false) EditRequest body,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            JwtAuthenticationToken authentication) {
        EditRequest given = body == null ? new EditRequest(null, null, null, null) : body;
        return Mono.fromCallable(() -> UpdateEdit.parse(given.headline(), given.introduction(), given.developments(),
                        given.correction()))
                .flatMap(edit -> found(updates.edit(id, expected(ifMatch), edit, subject(authentication))))
                .map(edited -> withVersion(ResponseEntity.ok(), edited));
    }

    /** draft → in_review. */
    @PostMapping("/{id}/review")
    Mono<ResponseEntity<UpdateJson>> review(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            JwtAuthenticationToken authentication) {
        return Mono.defer(() -> found(updates.review(id, expected(ifMatch), subject(authentication))))
                .map(reviewed -> withVersion(ResponseEntity.ok(), reviewed));
    }

    /** in_review → published. */
    @PostMapping("/{id}/publish")
    Mono<ResponseEntity<UpdateJson>> publish(@PathVariable String id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
            JwtAuthenticationToken authentication) {
        return Mono.defer(() -> found(updates.publish(id, expected(ifMatch), subject(authentication))))
                .map(published -> withVersion(ResponseEntity.ok(), published));
    }

    /** {@code ?format=md|json|…[&version=n]}: the file, as an attachment. */
    @GetMapping("/{id}/export")
    Mono<ResponseEntity<byte[]>> export(@PathVariable String id, @RequestParam(required = false) String format,
            @RequestParam(required = false) String version, JwtAuthenticationToken authentication) {
        return found(exports.export(id, format, version, Callers.of(authentication)))
                .map(file -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(file.mediaType()))
                        .header(HttpHeaders.CONTENT_DISPOSITION,
                                ContentDisposition.attachment().filename(file.fileName()).build().toString())
                        .header("X-Content-Type-Options", "nosniff")
                        .body(file.body()));
    }

    @ExceptionHandler
    ProblemDetail conflict(UpdateConflictException conflict) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, conflict.getMessage());
        problem.setTitle("Update cannot change so");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail stale(UpdateService.VersionMismatchException stale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, stale.getMessage());
        problem.setTitle("Update changed meanwhile");
        return problem;
    }

    private static ResponseEntity<UpdateJson> withVersion(ResponseEntity.BodyBuilder response, UpdateVersion version) {
        return response.eTag("\"" + version.number() + "\"").body(UpdateJson.of(version.document()));
    }

    /** The version an {@code If-Match} names ({@code "3"} or {@code 3}); null without one. */
    private static Integer expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String value = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidParametersException("If-Match", "'" + ifMatch + "' is not a version this API gave (\"3\")");
        }
    }

    private static <T> Mono<T> found(Mono<T> result) {
        return result.switchIfEmpty(Mono.error(() -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                    "There is no update (or version of it) with this id.");
            problem.setTitle("Update not found");
            return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
        }));
    }

    private static String subject(JwtAuthenticationToken authentication) {
        return authentication.getToken().getSubject();
    }


    record CompileRequest(String country, String from, String to, Boolean internal) {
    }

    record EditRequest(String headline, String introduction, List<UpdateEdit.DevelopmentText> developments,
            String correction) {
    }

    /** One update in a list: its latest version's essentials. */
    record Summary(String id, String country, LocalDate from, LocalDate to, String status, int version,
            boolean internal, String headline, String editedBy, Instant editedAt) {

        static Summary of(UpdateVersion version) {
            var d = version.document();
            return new Summary(d.id(), d.country(), d.from(), d.to(), d.status().wireName(), d.version(),
                    d.internal(), d.headline(), d.editedBy(), d.editedAt());
        }
    }

    /** One version in the history. */
    record VersionSummary(int version, String status, String editedBy, Instant editedAt, String correction) {

        static VersionSummary of(UpdateVersion version) {
            var d = version.document();
            return new VersionSummary(d.version(), d.status().wireName(), d.editedBy(), d.editedAt(),
                    version.correction());
        }
    }
}
