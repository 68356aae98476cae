package org.civicspace.alert.domain.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NameKeyTest {

    final Pseudonyms pseudonyms = new Pseudonyms("a test secret of enough length");

    @Test
    void latinAndCyrillicSpellingsOfOneNameAreOnePerson() {
        assertThat(NameKey.of("Максим Иванов").sameAs(NameKey.of("Maksim Ivanov"))).isTrue();
        assertThat(NameKey.of("Maxim Ivanov").sameAs(NameKey.of("Иванов Максим"))).isTrue();
        assertThat(NameKey.of("Алексей Кузнецов").sameAs(NameKey.of("Alexey Kuznetsov"))).isTrue();
        assertThat(NameKey.of("Юлия Жукова").sameAs(NameKey.of("Yulia Zhukova"))).isTrue();
        assertThat(NameKey.of("Yuliya Zhukova").sameAs(NameKey.of("Iuliia Zhukova"))).isTrue();
        assertThat(NameKey.of("Дмитрий Хасанов").sameAs(NameKey.of("Dmitry Khasanov"))).isTrue();
        assertThat(NameKey.of("Ерлан Қалиев").sameAs(NameKey.of("Yerlan Kaliyev"))).isTrue();
    }

    @Test
    void aNameWithItsPatronymicIsTheSamePersonButOneSharedWordIsNot() {
        assertThat(NameKey.of("Иван Петрович Сидоров").sameAs(NameKey.of("Ivan Sidorov"))).isTrue();
        assertThat(NameKey.of("Ivan Sidorov").sameAs(NameKey.of("Ivan Petrov"))).isFalse();
        assertThat(NameKey.of("Sidorov").sameAs(NameKey.of("Ivan Sidorov"))).isFalse();
        assertThat(NameKey.of("").sameAs(NameKey.of(""))).isFalse();
    }

    @Test
    void aNameInRunningTextIsThePersonWhateverItsCaseEndingOrPossessive() {
        NameKey maxim = NameKey.ofAnyForm("Maxim Ivanov");
        assertThat(NameKey.ofAnyForm("Максима Иванова").sameAs(maxim)).isTrue();
        assertThat(NameKey.ofAnyForm("Максимом Ивановым").sameAs(maxim)).isTrue();
        assertThat(NameKey.ofAnyForm("Максиму Иванову").sameAs(maxim)).isTrue();
        assertThat(NameKey.ofAnyForm("Ivanov's").sameAs(NameKey.ofAnyForm("Иванов"))).isTrue();
        NameKey yulia = NameKey.ofAnyForm("Yulia Zhukova");
        assertThat(NameKey.ofAnyForm("Юлию Жукову").sameAs(yulia)).isTrue();
        assertThat(NameKey.ofAnyForm("Юлии Жуковой").sameAs(yulia)).isTrue();
        assertThat(NameKey.ofAnyForm("Алексея Кузнецова").sameAs(NameKey.ofAnyForm("Alexey Kuznetsov"))).isTrue();
        assertThat(NameKey.ofAnyForm("Дмитрия Хасанова").sameAs(NameKey.ofAnyForm("Dmitry Khasanov"))).isTrue();
        assertThat(NameKey.ofAnyForm("в Бишкеке").tokens()).containsAll(NameKey.ofAnyForm("Bishkek").tokens());
        assertThat(NameKey.ofAnyForm("«Мемориала»").sameAs(NameKey.ofAnyForm("Memorial"))).isTrue();
    }

    @Test
    void caseEndingsDoNotMakeDifferentPeopleOne() {
        assertThat(NameKey.ofAnyForm("Максима Иванова").sameAs(NameKey.ofAnyForm("Maxim Petrov"))).isFalse();
        assertThat(NameKey.ofAnyForm("Ивана Сидорова").sameAs(NameKey.ofAnyForm("Ivan Sidorenko"))).isFalse();
        assertThat(NameKey.ofAnyForm("Айгерим Нуровой").sameAs(NameKey.ofAnyForm("Aigerim Nurlanova"))).isFalse();
    }

    @Test
    void hiddenKeysStillCompareButShowNoNameAndPseudonymsAreStableAcrossSpellings() {
        NameKey latin = pseudonyms.hide(NameKey.of("Maksim Ivanov"));
        NameKey cyrillic = pseudonyms.hide(NameKey.of("Максим Иванов"));

        assertThat(latin.sameAs(cyrillic)).isTrue();
        assertThat(String.join(" ", latin.tokens())).doesNotContain("maksim", "ivanov");
        assertThat(pseudonyms.pseudonymOf("Maksim Ivanov")).matches("Person-[0-9A-F]{6}")
                .isEqualTo(pseudonyms.pseudonymOf("Иванов Максим"))
                .isNotEqualTo(new Pseudonyms("another secret of enough length").pseudonymOf("Maksim Ivanov"));
        assertThatThrownBy(() -> new Pseudonyms("short")).isInstanceOf(IllegalArgumentException.class);
    }
}
