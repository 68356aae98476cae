package org.civicspace.export.country.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.civicspace.events.CivicusRating;
import org.civicspace.export.domain.InvalidParametersException;
import org.junit.jupiter.api.Test;

class RatingDataTest {

    @Test
    void theSeedFileRatesTheRegionWithTheMovesTheMonitorPublished() throws IOException {
        List<RatingSeed> seeds = RatingSeed.parse(Files.readAllLines(Path.of("src/main/resources/country/country-ratings.csv")));

        assertThat(seeds).extracting(RatingSeed::country).containsExactlyInAnyOrder(
                "AM", "AZ", "BY", "GE", "KG", "KZ", "MD", "RU", "TJ", "TM", "UA", "UZ");
        assertThat(seeds).contains(new RatingSeed("KG", CivicusRating.REPRESSED, 2023, "moved from obstructed"),
                new RatingSeed("TJ", CivicusRating.CLOSED, 2022, "moved from repressed"),
                new RatingSeed("UZ", CivicusRating.CLOSED, null, null));
    }

    @Test
    void refusesASeedLineItCannotRead() {
        assertThatIllegalArgumentException().isThrownBy(() -> RatingSeed.parse(List.of("country,rating,since,note",
                "KZ,repressed,,", "XX,open,,"))).withMessageStartingWith("line 3 of the rating seed");
        assertThatIllegalArgumentException().isThrownBy(() -> RatingSeed.parse(List.of("KZ,awful,,")))
                .withMessageContaining("'awful' is not one of: open, narrowed, obstructed, repressed, closed");
    }

    @Test
    void anUpdateNeedsAKnownRatingAndAReason() {
        assertThat(RatingUpdate.parse("closed", "  mass arrests after the vote ")).isEqualTo(
                new RatingUpdate(CivicusRating.CLOSED, "mass arrests after the vote"));

        InvalidParametersException invalid = catchThrowableOfType(InvalidParametersException.class,
                () -> RatingUpdate.parse("terrible", " "));
        assertThat(invalid.problems()).extracting(InvalidParametersException.Problem::parameter)
                .containsExactly("rating", "reason");
        assertThat(catchThrowableOfType(InvalidParametersException.class, () -> RatingUpdate.parse(null, "why"))
                .problems()).singleElement().extracting(InvalidParametersException.Problem::message)
                .isEqualTo("is required");
    }
}
