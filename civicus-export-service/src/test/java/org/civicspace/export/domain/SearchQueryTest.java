package org.civicspace.export.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.civicspace.events.Freedom;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.SourceKind;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;
import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void readsEveryParameterAndDefaultsToTheFirstPageOfTwenty() {
        SearchQuery query = SearchQuery.parse("kg", "peaceful_assembly", "protester_detained", "urgent",
                "2026-10-01", "2026-10-31", "Задержаны activists", null, null);

        assertThat(query).isEqualTo(new SearchQuery("KG", Freedom.PEACEFUL_ASSEMBLY,
                ViolationType.PROTESTER_DETAINED, Urgency.URGENT, Instant.parse("2026-10-01T00:00:00Z"),
                Instant.parse("2026-11-01T00:00:00Z"), List.of("задержаны", "activists"), 1, 20));
        assertThat(query.months()).containsExactly(YearMonth.of(2026, 10));
    }

    @Test
    void namesEveryBadParameter() {
        InvalidParametersException invalid = catchThrowableOfType(InvalidParametersException.class,
                () -> SearchQuery.parse("XX", "speech", "arrest", "soon", "2026-11-02", "2026-11-01", null, "0",
                        "101"));

        assertThat(invalid.problems()).extracting(InvalidParametersException.Problem::parameter)
                .containsExactly("country", "freedom", "violation", "urgency", "from", "page", "size");
        assertThat(invalid.problems().get(1).message()).contains("association", "peaceful_assembly", "expression");
    }

    @Test
    void refusesADateThatIsNotOne() {
        InvalidParametersException invalid = catchThrowableOfType(InvalidParametersException.class,
                () -> SearchQuery.parse(null, null, null, null, "yesterday", null, null, null, "ten"));

        assertThat(invalid.problems()).extracting(InvalidParametersException.Problem::parameter)
                .containsExactly("from", "size");
    }

    @Test
    void matchesAReportOnAnyOfItsCountriesWithinTheRange() {
        SearchQuery kz = SearchQuery.parse("KZ", "expression", null, null, "2026-11-01", "2026-11-30", null, null,
                null);

        assertThat(kz.matches(entry("r-1", "2026-11-30T23:59:59Z", List.of("RU", "KZ")))).isTrue();
        assertThat(kz.matches(entry("r-2", "2026-12-01T00:00:00Z", List.of("KZ")))).as("after 'to'").isFalse();
        assertThat(kz.matches(entry("r-3", "2026-11-10T00:00:00Z", List.of("KG")))).as("other country").isFalse();
    }

    @Test
    void sortsNewestFirstAndTiesById() {
        IndexEntry older = entry("r-9", "2026-11-01T00:00:00Z", List.of("KZ"));
        IndexEntry b = entry("r-b", "2026-11-02T00:00:00Z", List.of("KZ"));
        IndexEntry a = entry("r-a", "2026-11-02T00:00:00Z", List.of("KZ"));

        assertThat(List.of(older, b, a).stream().sorted(SearchQuery.NEWEST_FIRST).toList()).containsExactly(a, b,
                older);
    }

    static IndexEntry entry(String id, String at, List<String> countries) {
        return new IndexEntry(id, Instant.parse(at), countries, Set.of(Freedom.EXPRESSION), Set.of(), Urgency.HIGH,
                Sensitivity.PUBLIC, SourceKind.FEED, null, null);
    }
}
