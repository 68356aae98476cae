package org.civicspace.classification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.civicspace.events.Classification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reports in the region's other languages: the classifier names their language and still finds the country. */
class RegionLanguagesTest {

    private static final Classifier CLASSIFIER = Classifier.fromClasspath();

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            uk | UA | Поліція в Україні затримала двох журналістів, які знімали акцію біля будівлі уряду.
            uk | KZ | У Казахстані суд заарештував активіста, який критикував владу в соціальних мережах.
            be | BY | У Беларусі міліцыя затрымала журналіста, які здымаў пікет ля будынка суда.
            kk | KZ | Қазақстанда полиция белсендіні сот ғимаратының жанында ұстады және оның телефонын алды.
            ky | KG | Кыргызстанда милиция журналисттин үйүн тинтип, аны сурак үчүн алып кетти.
            tg | TJ | Дар Тоҷикистон рӯзноманигорро боздошт карданд ва ба ӯ иттиҳом эълон шуд.
            uz | UZ | Oʻzbekistonda jurnalist hibsga olindi va uning uyida tintuv oʻtkazildi.
            uz | UZ | O'zbekistonda blogerning sahifasi bloklandi, dedi uning advokati.
            az | AZ | Azərbaycanda polis müxalifət fəalını saxlayıb və onun telefonunu müsadirə edib.
            ka | GE | საქართველოში პოლიციამ აქციის მონაწილეები დააკავა.
            hy | AM | Հայաստանում ոստիկանությունը ձերբակալել է երեք ակտիվիստի։
            ro | MD | Poliția din Republica Moldova a reținut trei activiști la Chișinău.
            ro | RO | Jandarmii au amendat protestatarii din București după marșul de sâmbătă.
            """)
    void namesTheLanguageAndFindsTheCountry(String language, String country, String text) {
        Classification result = CLASSIFIER.classify(new Document("", text, "en", null));

        assertThat(result.language()).isEqualTo(language);
        assertThat(result.country()).isEqualTo(country);
    }

    @Test
    void aReportInOneOfTheRegionsScriptsIsNotReadAsTheDeclaredLanguage() {
        Classification result = CLASSIFIER.classify(new Document("თბილისში აქცია გაიმართა", "", "ru", null));

        assertThat(result.language()).isEqualTo("ka");
        assertThat(result.country()).isEqualTo("GE");
        assertThat(result.tags()).filteredOn(tag -> tag.kind().equals("language")).singleElement()
                .satisfies(tag -> assertThat(tag.fromHint()).isFalse());
    }

    @Test
    void aHeadlineTooShortToTellKeepsItsDeclaredLanguage() {
        Classification result = CLASSIFIER.classify(new Document("Бишкек", "", "ky", null));

        assertThat(result.language()).isEqualTo("ky");
        assertThat(result.country()).isEqualTo("KG");
    }
}
