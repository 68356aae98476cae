package org.civicspace.export.update.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class HtmlUpdateRendererTest {

    private final HtmlUpdateRenderer renderer = new HtmlUpdateRenderer();

    private Document render(boolean internal) {
        byte[] html = renderer.render(SampleUpdates.kazakhstan(internal));
        return Jsoup.parse(new String(html, StandardCharsets.UTF_8));
    }

    @Test
    void showsHeadlineFactsSectionsAndDevelopmentsInOrder() {
        Document page = render(false);

        assertThat(page.select("h1").text()).isEqualTo("Defender detained; march refused; NGO office searched");
        assertThat(page.title()).isEqualTo(page.select("h1").text());
        assertThat(page.select(".facts").text())
                .contains("Kazakhstan", "1 September 2026 – 31 October 2026", "Rating: Repressed");
        assertThat(page.select(".version").text()).isEqualTo("Draft, version 2, edited 20 November 2026");
        assertThat(page.select(".intro p")).hasSize(2);
        assertThat(page.select("h2").eachText())
                .containsExactly("Association", "Peaceful Assembly", "Expression", "Sources");
        assertThat(page.select("section#association article p:not(.date):not(.tags)"))
                .extracting(Element::ownText).containsExactly(SampleUpdates.DETENTION, SampleUpdates.RAID);
        assertThat(page.select("section#association time").eachAttr("datetime"))
                .containsExactly("2026-09-05", "2026-10-02");
        assertThat(page.select("section#association .tags").first().text())
                .isEqualTo("Human rights defender detained, Judicial harassment");
        assertThat(page.select("section#expression .empty").text()).isEqualTo(Wording.NOTHING_RECORDED);
        assertThat(page.text()).contains(SampleUpdates.PSEUDONYM).doesNotContain("editor-7");
        assertThat(page.select(".internal")).isEmpty();
    }

    @Test
    void footnoteMarkersLinkToTheNumberedSources() {
        Document page = render(false);

        Element detention = page.select("section#association article").first();
        // the markers close the development's last paragraph
        assertThat(detention.select("p:not(.date):not(.tags) > sup a").eachAttr("href"))
                .containsExactly("#source-1", "#source-2");
        assertThat(page.select("ol.sources li").eachAttr("id"))
                .containsExactly("source-1", "source-2", "source-3", "source-4");
        for (Element marker : page.select("sup a")) {
            assertThat(page.getElementById(marker.attr("href").substring(1))).isNotNull();
        }
        Element first = page.getElementById("source-1");
        assertThat(first.text()).startsWith("Rights coordinator held after picket — Example Daily, 5 September 2026");
        assertThat(first.select("a").attr("href")).isEqualTo("https://news.example.org/2026/09/picket");
        assertThat(page.getElementById("source-3").text()).contains("Обыск в офисе фонда — Пример Медиа");
    }

    @Test
    void hostileTextsComeOutAsTextAndNothingCanRun() {
        Document page = render(false);

        assertThat(page.select("script, iframe, object, embed, img, form, base, link")).isEmpty();
        for (Element element : page.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                assertThat(attribute.getKey()).doesNotStartWithIgnoringCase("on");
                assertThat(attribute.getValue().strip()).doesNotStartWithIgnoringCase("javascript:");
            }
        }
        for (Element link : page.select("a[href]")) {
            assertThat(link.attr("href")).matches("(#source-\\d+|https?://.+)");
        }
        assertThat(page.getElementById("source-2").text()).startsWith(SampleUpdates.SCRIPT_TITLE);
        assertThat(page.select("section#peaceful_assembly").text()).contains(SampleUpdates.IMG_ONERROR);
        // a javascript: source stays visible, as text, not as a link
        assertThat(page.getElementById("source-4").text()).endsWith("javascript:alert(1)");
        assertThat(page.getElementById("source-4").select("a")).isEmpty();
    }

    @Test
    void carriesAPolicyThatAllowsOnlyItsOwnStyle() throws Exception {
        Document page = render(false);

        String policy = page.select("meta[http-equiv=Content-Security-Policy]").attr("content");
        String style = page.select("style").first().data();
        String hash = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(style.getBytes(StandardCharsets.UTF_8)));
        assertThat(policy).contains("default-src 'none'", "style-src 'sha256-" + hash + "'")
                .doesNotContain("unsafe-inline", "script-src");
        assertThat(page.select("[style]")).isEmpty();
    }

    @Test
    void drawsTheMonthlyChartAsInlineSvg() {
        Document page = render(false);

        Element svg = page.select("figure svg").first();
        assertThat(svg).isNotNull();
        // September: 3, 2, 1; October: 1, 0, 4 — a bar for every count above zero
        assertThat(svg.select("rect > title").eachText()).containsExactly(
                "Sep, Association: 3", "Sep, Peaceful assembly: 2", "Sep, Expression: 1",
                "Oct, Association: 1", "Oct, Expression: 4");
        double tallest = Double.parseDouble(svg.select("rect").get(4).attr("height"));
        double oneReport = Double.parseDouble(svg.select("rect").get(3).attr("height"));
        assertThat(tallest).isCloseTo(4 * oneReport, org.assertj.core.data.Offset.offset(0.2));
    }

    @Test
    void tagsTheLanguageOfPageAndOfARussianDevelopment() {
        Document page = render(false);

        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("section#association article").get(1).attr("lang")).isEqualTo("ru");
        assertThat(page.select("section#association article").get(0).hasAttr("lang")).isFalse();
    }

    @Test
    void marksAnInternalExport() {
        assertThat(render(true).select("p.internal").text()).isEqualTo(Wording.INTERNAL);
    }
}
