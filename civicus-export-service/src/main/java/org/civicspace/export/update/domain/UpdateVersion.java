package org.civicspace.export.update.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.civicspace.export.domain.InvalidParametersException;
import org.civicspace.export.domain.InvalidParametersException.Problem;

/**
 * One kept version of an update: the document, the ids of the restricted reports it cites (an
 * internal update; exporting it is audited per report) and, for a correction of a published
 * update, why it was corrected.
 *
 * <p>The workflow: {@code draft} → {@code in_review} → {@code published}; edits are allowed in
 * draft and in review. A published update is frozen: the only change is a correction — an edit
 * with a reason — which makes a new published version that opens its introduction with a dated
 * correction note; every earlier version stays readable. Each step and each edit is the next
 * version, with who made it and when.
 */
public record UpdateVersion(UpdateDocument document, List<String> restrictedSources, String correction) {

    public UpdateVersion {
        restrictedSources = restrictedSources == null ? List.of() : List.copyOf(restrictedSources);
    }

    public String id() {
        return document.id();
    }

    public int number() {
        return document.version();
    }

    public UpdateStatus status() {
        return document.status();
    }

    /** The next version with the edit applied, made by {@code editor} at {@code at}. */
    public UpdateVersion edit(UpdateEdit edit, String editor, Instant at) {
        boolean published = status() == UpdateStatus.PUBLISHED;
        if (published && edit.correction() == null) {
            throw new UpdateConflictException("A published update is frozen: send the change with a correction "
                    + "(why it is corrected) to publish a corrected version.");
        }
        if (!published && edit.correction() != null) {
            throw new InvalidParametersException("correction",
                    "only a published update is corrected; this one is " + status().wireName() + ", edit it directly");
        }
        Set<String> known = document.sections().stream().flatMap(s -> s.developments().stream())
                .map(Development::id).collect(Collectors.toSet());
        List<Problem> unknown = edit.developments().keySet().stream().filter(id -> !known.contains(id))
                .map(id -> new Problem("developments", "no development with id " + id + " in this update")).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidParametersException(unknown);
        }
        List<UpdateSection> sections = new ArrayList<>();
        for (UpdateSection section : document.sections()) {
            sections.add(new UpdateSection(section.freedom(), section.title(), section.developments().stream()
                    .map(d -> edit.developments().containsKey(d.id())
                            ? new Development(d.id(), d.date(), edit.developments().get(d.id()), d.violationTypes(),
                                    d.footnotes())
                            : d)
                    .toList()));
        }
        String introduction = edit.introduction() != null ? edit.introduction() : document.introduction();
        if (published) {
            introduction = "Correction of " + UpdateCompiler.DAY.format(LocalDate.ofInstant(at, ZoneOffset.UTC))
                    + ": " + edit.correction() + "\n\n" + introduction;
        }
        String headline = edit.headline() != null ? edit.headline() : document.headline();
        return next(document.status(), headline, introduction, sections, editor, at, edit.correction());
    }

    /** Sent for review: draft → in_review. */
    public UpdateVersion review(String editor, Instant at) {
        return step(UpdateStatus.DRAFT, UpdateStatus.IN_REVIEW, editor, at);
    }

    /** Published: in_review → published. */
    public UpdateVersion publish(String editor, Instant at) {
        return step(UpdateStatus.IN_REVIEW, UpdateStatus.PUBLISHED, editor, at);
    }

    private UpdateVersion step(UpdateStatus from, UpdateStatus to, String editor, Instant at) {
        if (status() != from) {
            throw new UpdateConflictException("The update is " + status().wireName() + "; only a " + from.wireName()
                    + " update can become " + to.wireName() + ".");
        }
        return next(to, document.headline(), document.introduction(), document.sections(), editor, at, null);
    }

    private UpdateVersion next(UpdateStatus status, String headline, String introduction,
            List<UpdateSection> sections, String editor, Instant at, String why) {
        UpdateDocument d = document;
        return new UpdateVersion(new UpdateDocument(d.id(), d.country(), d.countryName(), d.from(), d.to(), d.rating(),
                status, d.version() + 1, d.internal(), headline, introduction, sections, d.footnotes(), d.chart(),
                editor, at), restrictedSources, why);
    }
}
