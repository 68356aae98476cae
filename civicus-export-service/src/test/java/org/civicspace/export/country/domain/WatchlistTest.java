package org.civicspace.export.country.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.civicspace.events.CivicusRating;
import org.civicspace.events.Freedom;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.SourceKind;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;
import org.civicspace.export.domain.IndexEntry;
import org.junit.jupiter.api.Test;

class WatchlistTest {

    static final Duration WINDOW = Duration.ofDays(90);
    static final List<WatchlistRule> RULES = rules();

    @Test
    void aKillingInANarrowedCountryMakesItACandidateAndSaysWhy() {
        Watchlist watchlist = Watchlist.assess(CivicusRating.NARROWED,
                List.of(entry("r-1", null, ViolationType.KILLING), entry("r-2", null, ViolationType.CENSORSHIP)),
                WINDOW, RULES);

        assertThat(watchlist.candidate()).isTrue();
        assertThat(watchlist.reasons()).containsExactly(
                "killings: 1 report in the last 90 days (threshold 1), typical of a country rated repressed or worse;"
                        + " rated narrowed.");
    }

    @Test
    void theSameKillingInACountryAlreadyRatedRepressedIsNoSignal() {
        List<IndexEntry> recent = List.of(entry("r-1", null, ViolationType.KILLING));

        assertThat(Watchlist.assess(CivicusRating.REPRESSED, recent, WINDOW, RULES).candidate()).isFalse();
        assertThat(Watchlist.assess(CivicusRating.CLOSED, recent, WINDOW, RULES).candidate()).isFalse();
    }

    @Test
    void detentionsCountOnlyWhenManyAndNearDuplicatesCountOnce() {
        List<IndexEntry> recent = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            recent.add(entry("r-" + i, null, ViolationType.HRD_DETAINED));
        }
        recent.add(entry("r-1b", "r-1", ViolationType.JOURNALIST_DETAINED));
        recent.add(entry("r-1c", "r-1", ViolationType.HRD_DETAINED));

        assertThat(Watchlist.assess(CivicusRating.OBSTRUCTED, recent, WINDOW, RULES).candidate())
                .as("4 detentions, one of them reported three times").isFalse();

        recent.add(entry("r-5", null, ViolationType.JOURNALIST_DETAINED));
        Watchlist fifth = Watchlist.assess(CivicusRating.OBSTRUCTED, recent, WINDOW, RULES);
        assertThat(fifth.candidate()).isTrue();
        assertThat(fifth.reasons()).singleElement().asString()
                .startsWith("detentions of human rights defenders and journalists: 5 reports")
                .contains("threshold 5");
    }

    @Test
    void obstructedPatternsFlagOnlyCountriesRatedBetter() {
        List<IndexEntry> raids = List.of(entry("r-1", null, ViolationType.NGO_CLOSURE_OR_RAID),
                entry("r-2", null, ViolationType.FOREIGN_AGENT_LABEL), entry("r-3", null, ViolationType.NGO_CLOSURE_OR_RAID));

        assertThat(Watchlist.assess(CivicusRating.OPEN, raids, WINDOW, RULES).candidate()).isTrue();
        assertThat(Watchlist.assess(CivicusRating.OBSTRUCTED, raids, WINDOW, RULES).candidate()).isFalse();
    }

    @Test
    void aCountryWithoutARatingIsNeverFlagged() {
        assertThat(Watchlist.assess(null, List.of(entry("r-1", null, ViolationType.KILLING)), WINDOW, RULES))
                .isEqualTo(new Watchlist(false, List.of()));
    }

    @Test
    void refusesARuleFileLineItCannotRead() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WatchlistRule.parse(List.of("# rules", "killings; killing; one; repressed")))
                .withMessageStartingWith("line 2 of the watchlist rules");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> WatchlistRule.parse(List.of("beatings; beating; 1; repressed")))
                .withMessageContaining("'beating' is not one of");
    }

    /** The rules the service ships with. */
    static List<WatchlistRule> rules() {
        try {
            return WatchlistRule.parse(Files.readAllLines(Path.of("src/main/resources/country/watchlist-rules.txt")));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static IndexEntry entry(String id, String duplicateOf, ViolationType violation) {
        return new IndexEntry(id, Instant.parse("2026-11-01T00:00:00Z"), List.of("KZ"), Set.of(Freedom.EXPRESSION),
                Set.of(violation), Urgency.HIGH, Sensitivity.CONFIDENTIAL, SourceKind.PARTNER, "p", duplicateOf);
    }
}
