package org.civicspace.export.update.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ProtectedPersonsTest {

    static final Pseudonyms PSEUDONYMS = new Pseudonyms("a-test-secret-of-some-length");

    final ProtectedPersons persons = new ProtectedPersons(PSEUDONYMS, List.of("Maksim Ivanov", "Анна Смирнова"));
    final String maksim = PSEUDONYMS.pseudonymOf("Maksim Ivanov");
    final String anna = PSEUDONYMS.pseudonymOf("Анна Смирнова");

    @Test
    void givesOnePersonOnePseudonymWhateverTheSpelling() {
        assertThat(maksim).matches("Person-[0-9A-F]{6}");
        assertThat(PSEUDONYMS.pseudonymOf("Максим Иванов")).isEqualTo(maksim);
        assertThat(PSEUDONYMS.pseudonymOf("MAXIM IVANOV")).isEqualTo(maksim);
        assertThat(PSEUDONYMS.pseudonymOf("Anna Smirnova")).isEqualTo(anna).isNotEqualTo(maksim);
        assertThat(new Pseudonyms("another-secret-of-some-length").pseudonymOf("Maksim Ivanov")).isNotEqualTo(maksim);
    }

    @Test
    void hidesEverySpellingAndCaseOfAProtectedName() {
        assertThat(persons.hide("Maksim Ivanov detained in Almaty")).isEqualTo(maksim + " detained in Almaty");
        assertThat(persons.hide("MAXIM IVANOV's lawyer spoke")).isEqualTo(maksim + " lawyer spoke");
        assertThat(persons.hide("Суд над Максимом Ивановым отложен")).isEqualTo("Суд над " + maksim + " отложен");
        assertThat(persons.hide("Police questioned M. Ivanov twice")).isEqualTo("Police questioned " + maksim + " twice");
        assertThat(persons.hide("Задержана Анна Смирнова; у Анны Смирновой изъяли телефон"))
                .isEqualTo("Задержана " + anna + "; у " + anna + " изъяли телефон");
        assertThat(persons.hide("Ivanov and Smirnova")).isEqualTo(maksim + " and " + anna);
    }

    @Test
    void leavesOtherWordsAlone() {
        String text = "An analyst and a journalist met in Ivanovka; Annals of law.";
        assertThat(persons.hide(text)).isEqualTo(text);
        assertThat(persons.mentionedIn("https://news.example/2026/maksim-ivanov-detained")).isTrue();
        assertThat(persons.mentionedIn("https://news.example/2026/blogger-detained")).isFalse();
    }
}
