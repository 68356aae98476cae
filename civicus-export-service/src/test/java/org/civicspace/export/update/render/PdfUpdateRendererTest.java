package org.civicspace.export.update.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.pdfparser.PDFStreamParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.text.PDFTextStripper;
import org.civicspace.events.Freedom;
import org.civicspace.export.update.domain.Development;
import org.civicspace.export.update.domain.UpdateDocument;
import org.civicspace.export.update.domain.UpdateSection;
import org.junit.jupiter.api.Test;

class PdfUpdateRendererTest {

    private final PdfUpdateRenderer renderer = new PdfUpdateRenderer();

    @Test
    void holdsTheSameContentInOrderCyrillicIncluded() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(renderer.render(SampleUpdates.kazakhstan(false)))) {
            String text = oneLine(new PDFTextStripper().getText(pdf));

            assertThat(text).containsSubsequence(
                    "KAZAKHSTAN", "Defender detained; march refused; NGO office searched",
                    "Rating: Repressed", "Draft, version 2",
                    "Between September and October 2026",
                    "Association", "5 September 2026", SampleUpdates.DETENTION + " [1, 2]",
                    "2 October 2026", SampleUpdates.RAID + " [3]",
                    "Peaceful Assembly", "20 September 2026", "The city administration refused",
                    SampleUpdates.IMG_ONERROR, "14 October 2026", SampleUpdates.FORMULA_TEXT + " [4]",
                    "Expression", Wording.NOTHING_RECORDED,
                    "Sources", "1.", "Rights coordinator held after picket — Example Daily, 5 September 2026",
                    "https://news.example.org/2026/09/picket",
                    "2.", SampleUpdates.SCRIPT_TITLE,
                    "3.", "Обыск в офисе фонда — Пример Медиа", "4.", "javascript:alert(1)");
            assertThat(text).contains(SampleUpdates.PSEUDONYM).doesNotContain("editor-7", Wording.INTERNAL);
            assertThat(pdf.getDocumentInformation().getTitle())
                    .isEqualTo("Defender detained; march refused; NGO office searched");
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en");
        }
    }

    @Test
    void drawsTheChartAsABarPerFreedomPerMonth() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(renderer.render(SampleUpdates.kazakhstan(false)))) {
            PDPage first = pdf.getPage(0);
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains(Wording.CHART_TITLE, "Sep", "Oct", "2026",
                    "Association", "Peaceful assembly", "Expression");

            Map<String, List<float[]>> rectangles = filledRectangles(first);
            // September 3, 2, 1; October 1, 0, 4 — one bar for each count above zero, plus a legend swatch
            List<float[]> association = rectangles.get(MonthlyChart.colour(Freedom.ASSOCIATION));
            List<float[]> assembly = rectangles.get(MonthlyChart.colour(Freedom.PEACEFUL_ASSEMBLY));
            List<float[]> expression = rectangles.get(MonthlyChart.colour(Freedom.EXPRESSION));
            assertThat(association).hasSize(3);
            assertThat(assembly).hasSize(2);
            assertThat(expression).hasSize(3);
            float one = association.get(1)[3];
            assertThat(association.get(0)[3]).isCloseTo(3 * one, org.assertj.core.data.Offset.offset(0.01f));
            assertThat(expression.get(1)[3]).isCloseTo(4 * one, org.assertj.core.data.Offset.offset(0.01f));
            assertThat(association.get(1)[0]).as("October is right of September").isGreaterThan(association.get(0)[0]);
        }
    }

    @Test
    void linksOnlyWebSources() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(renderer.render(SampleUpdates.kazakhstan(false)))) {
            List<String> links = new ArrayList<>();
            for (PDPage page : pdf.getPages()) {
                for (PDAnnotation annotation : page.getAnnotations()) {
                    if (annotation instanceof PDAnnotationLink link && link.getAction() instanceof PDActionURI uri) {
                        links.add(uri.getURI());
                    }
                }
            }
            assertThat(links)
                    .containsExactly("https://news.example.org/2026/09/picket", "https://media.example.ru/news/obysk");
        }
    }

    @Test
    void wrapsLongTextOverPagesAndMarksEveryPageOfAnInternalExport() throws IOException {
        UpdateDocument sample = SampleUpdates.kazakhstan(true);
        List<Development> many = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            many.add(new Development("long-" + i, sample.from().plusDays(i), "Разработка номер " + i + ". "
                    + "Участники мирного собрания сообщили о давлении со стороны властей. ".repeat(6), null, List.of(1)));
        }
        UpdateDocument longer = new UpdateDocument(sample.id(), sample.country(), sample.countryName(), sample.from(),
                sample.to(), sample.rating(), sample.status(), sample.version(), true, sample.headline(),
                sample.introduction(), List.of(new UpdateSection(Freedom.PEACEFUL_ASSEMBLY, "Peaceful Assembly", many)),
                sample.footnotes(), sample.chart(), sample.editedBy(), sample.editedAt());

        try (PDDocument pdf = Loader.loadPDF(renderer.render(longer))) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(3);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(pdf);
                assertThat(text).contains(Wording.INTERNAL, page + " / " + pdf.getNumberOfPages());
            }
            String all = oneLine(new PDFTextStripper().getText(pdf));
            assertThat(all).containsSubsequence("Разработка номер 1.", "Разработка номер 2.", "Разработка номер 40.");
        }
    }

    @Test
    void printsACharacterTheFontLacksAsAQuestionMark() throws IOException {
        UpdateDocument sample = SampleUpdates.kazakhstan(false);
        UpdateDocument withCjk = new UpdateDocument(sample.id(), sample.country(), sample.countryName(), sample.from(),
                sample.to(), sample.rating(), sample.status(), sample.version(), false, "集会 banned", null,
                List.of(), List.of(), List.of(), null, null);

        try (PDDocument pdf = Loader.loadPDF(renderer.render(withCjk))) {
            assertThat(new PDFTextStripper().getText(pdf)).contains("?? banned");
        }
    }

    /** Rectangles filled on the page, by fill colour (as {@code #rrggbb}): x, y, width, height each. */
    private static Map<String, List<float[]>> filledRectangles(PDPage page) throws IOException {
        Map<String, List<float[]>> byColour = new HashMap<>();
        List<Object> tokens = new PDFStreamParser(page).parse();
        List<Float> operands = new ArrayList<>();
        String colour = "#000000";
        List<float[]> path = new ArrayList<>();
        for (Object token : tokens) {
            if (token instanceof COSNumber number) {
                operands.add(number.floatValue());
            } else if (token instanceof Operator operator) {
                switch (operator.getName()) {
                    case "rg" -> colour = String.format("#%02x%02x%02x", Math.round(operands.get(0) * 255),
                            Math.round(operands.get(1) * 255), Math.round(operands.get(2) * 255));
                    case "re" -> path.add(new float[] {operands.get(0), operands.get(1), operands.get(2), operands.get(3)});
                    case "f" -> {
                        byColour.computeIfAbsent(colour, c -> new ArrayList<>()).addAll(path);
                        path.clear();
                    }
                    default -> { }
                }
                operands.clear();
            } else if (token instanceof COSBase) {
                operands.clear();
            }
        }
        return byColour;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
