package org.civicspace.ingest.domain.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FeedDatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Wed, 05 Mar 2025 10:15:00 +0300   | 2025-03-05T07:15:00Z
            Wed, 05 Mar 2025 10:15:00 +03:00  | 2025-03-05T07:15:00Z
            Wed, 5 Mar 2025 02:15:00 EST      | 2025-03-05T07:15:00Z
            05 Mar 2025 07:15 Z               | 2025-03-05T07:15:00Z
            Wednesday, 5 March 2025 07:15:00 GMT | 2025-03-05T07:15:00Z
            2025-03-05T07:15:00Z              | 2025-03-05T07:15:00Z
            2025-03-05t10:15:00+0300          | 2025-03-05T07:15:00Z
            2025-03-05 10:15:00 +03:00        | 2025-03-05T07:15:00Z
            2025-03-05                        | 2025-03-05T00:00:00Z
            2025-3-5 7:15                     | 2025-03-05T07:15:00Z
            2025/03/05 07:15:00               | 2025-03-05T07:15:00Z
            5.3.2025                          | 2025-03-05T00:00:00Z
            Mar 5 2025 7:15 PM                | 2025-03-05T19:15:00Z
            Вс, 1 июня 2025 12:00:00 +0300    | 2025-06-01T09:00:00Z
            1 мая 2025 г. в 12:00 МСК         | 2025-05-01T09:00:00Z
            среда 17 сент. 2025 12:00         | 2025-09-17T12:00:00Z
            31 декабря 2024                   | 2024-12-31T00:00:00Z
            """)
    void readsTheDatesFeedsActuallyWrite(String written, String instant) {
        assertThat(FeedDates.parse(written)).contains(Instant.parse(instant));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "вчера", "soon", "31 Feb 2025", "2025-13-01", "32.01.2025 10:00", "Mon, 05 Mar 2025 10:15:00 XYZ"})
    void givesNoDateForWhatIsNotOne(String written) {
        assertThat(FeedDates.parse(written)).isEmpty();
    }
}
