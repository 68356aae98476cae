package org.civicspace.classification.adapter.in.web;

import org.civicspace.classification.application.ClassifyReportUseCase;
import org.civicspace.classification.domain.Document;
import org.civicspace.events.Classification;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Classifies a text on demand; nothing is stored. */
@RestController
class ClassifyController {

    private final ClassifyReportUseCase useCase;

    ClassifyController(ClassifyReportUseCase useCase) {
        this.useCase = useCase;
    }

    @PostMapping("/api/v1/classify")
    Classification classify(@Valid @RequestBody ClassifyRequest request) {
        return useCase.classify(new Document(request.title(), request.text(), request.language(), null));
    }

    record ClassifyRequest(
            @Size(max = 500) String title,
            @NotBlank @Size(max = 100_000) String text,
            @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code such as en or ru") String language) {
    }
}
