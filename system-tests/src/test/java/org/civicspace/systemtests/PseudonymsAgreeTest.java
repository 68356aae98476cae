package org.civicspace.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A protected person is named by one pseudonym everywhere: the alert service (notifications, the
 * live stream) and the export service (updates in every format) each compute it, from the same key
 * ({@code civicspace-pseudonyms}). An editor reading an update must find the person an alert called
 * {@code Person-…} under the same name, whatever spelling each report used.
 */
class PseudonymsAgreeTest {

    private static final String KEY = "one-key-for-both-services";
    private final org.civicspace.alert.domain.incident.Pseudonyms alert =
            new org.civicspace.alert.domain.incident.Pseudonyms(KEY);
    private final org.civicspace.export.update.domain.Pseudonyms export =
            new org.civicspace.export.update.domain.Pseudonyms(KEY);

    @Test
    void bothServicesGiveEverySpellingOfAPersonTheSamePseudonym() {
        List<List<String>> people = List.of(
                List.of("Maxim Ivanov", "MAXIM IVANOV", "maxim  ivanov", "Максим Иванов", "Maksim Ivanov"),
                List.of("Aigerim Nurlanova", "Айгерим Нурланова"),
                List.of("Gulnara Şahin", "Gulnara Sahin"),
                List.of("Ana Beridze"));
        for (List<String> spellings : people) {
            String first = alert.pseudonymOf(spellings.get(0));
            assertThat(first).matches("Person-[0-9A-F]{6}");
            for (String spelling : spellings) {
                assertThat(alert.pseudonymOf(spelling)).as("alert, " + spelling).isEqualTo(first);
                assertThat(export.pseudonymOf(spelling)).as("export, " + spelling).isEqualTo(first);
            }
        }
        assertThat(alert.pseudonymOf("Maxim Ivanov")).isNotEqualTo(alert.pseudonymOf("Ana Beridze"));
        assertThat(new org.civicspace.alert.domain.incident.Pseudonyms("another-key-of-some-length").pseudonymOf("Maxim Ivanov"))
                .isNotEqualTo(alert.pseudonymOf("Maxim Ivanov"));
    }
}
