package org.civicspace.export.update.render;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.civicspace.events.Freedom;
import org.civicspace.export.domain.MonthlyCount;
import org.civicspace.export.update.domain.Development;
import org.civicspace.export.update.domain.Footnote;
import org.civicspace.export.update.domain.UpdateDocument;
import org.civicspace.export.update.domain.UpdateSection;

/**
 * An update as JSON shows it, over HTTP and in the {@code json} export: camelCase fields, wire
 * names ({@code peaceful_assembly}, {@code in_review}), ISO dates.
 */
public record UpdateJson(String id, String country, String countryName, LocalDate from, LocalDate to, String rating,
        String status, int version, boolean internal, String headline, String introduction, List<Section> sections,
        List<Footnote> footnotes, List<Month> chart, String editedBy, Instant editedAt) {

    public static UpdateJson of(UpdateDocument d) {
        return new UpdateJson(d.id(), d.country(), d.countryName(), d.from(), d.to(),
                d.rating() == null ? null : d.rating().wireName(), d.status().wireName(), d.version(), d.internal(),
                d.headline(), d.introduction(), d.sections().stream().map(Section::of).toList(), d.footnotes(),
                d.chart().stream().map(Month::of).toList(), d.editedBy(), d.editedAt());
    }

    /** One section with its developments. */
    public record Section(String freedom, String title, List<DevelopmentJson> developments) {

        static Section of(UpdateSection section) {
            return new Section(section.freedom().wireName(), section.title(),
                    section.developments().stream().map(DevelopmentJson::of).toList());
        }
    }

    /** One development; its violation types in a stable order. */
    public record DevelopmentJson(String id, LocalDate date, String text, List<String> violationTypes,
            List<Integer> footnotes) {

        static DevelopmentJson of(Development d) {
            return new DevelopmentJson(d.id(), d.date(), d.text(),
                    d.violationTypes().stream().sorted(Comparator.naturalOrder()).map(v -> v.wireName()).toList(),
                    d.footnotes());
        }
    }

    /** One month of the chart. */
    public record Month(String month, int reports, Map<String, Integer> byFreedom) {

        static Month of(MonthlyCount count) {
            Map<String, Integer> byFreedom = new LinkedHashMap<>();
            for (Freedom freedom : Freedom.values()) {
                byFreedom.put(freedom.wireName(), count.byFreedom().get(freedom));
            }
            return new Month(count.month().toString(), count.reports(), byFreedom);
        }
    }
}
