package org.civicspace.export.update.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.civicspace.events.Freedom;
import org.civicspace.events.ViolationType;
import org.civicspace.export.update.domain.Development;
import org.civicspace.export.update.domain.Footnote;
import org.civicspace.export.update.domain.UpdateDocument;
import org.civicspace.export.update.domain.UpdateSection;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import tools.jackson.databind.json.JsonMapper;

class EveryRendererTest {

    private static final List<UpdateRenderer> RENDERERS = List.of(
            new HtmlUpdateRenderer(), new DocxUpdateRenderer(), new PdfUpdateRenderer(), new CsvUpdateRenderer());

    @Test
    void eachFormatHasItsOwnNameTypeAndExtension() {
        assertThat(RENDERERS).extracting(UpdateRenderer::format).containsExactly("html", "docx", "pdf", "csv");
        assertThat(RENDERERS).extracting(UpdateRenderer::extension).containsExactly("html", "docx", "pdf", "csv");
        assertThat(RENDERERS).extracting(UpdateRenderer::mediaType).containsExactly(
                "text/html; charset=UTF-8",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/pdf",
                "text/csv; charset=UTF-8; header=present");
    }

    @Test
    void springFindsTheRenderersEachByItsOwnFormat() {
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            context.registerBean(JsonMapper.class, () -> JsonMapper.builder().build()); // the json renderer's
            context.scan(UpdateRenderer.class.getPackageName());
            context.refresh();
            assertThat(context.getBeansOfType(UpdateRenderer.class).values()).extracting(UpdateRenderer::format)
                    .containsExactlyInAnyOrder("md", "html", "docx", "pdf", "json", "csv");
        }
    }

    @Test
    void rendersAnUpdateWithNothingInIt() throws IOException {
        UpdateDocument empty = new UpdateDocument("upd-0", "KG", null, null, null, null, null, 1, false,
                null, null, null, null, null, null, null);

        for (UpdateRenderer renderer : RENDERERS) {
            String text = readBack(renderer, renderer.render(empty));
            if (renderer.format().equals("csv")) {
                assertThat(text).as("no development, only the header").isEqualTo(
                        "\uFEFF" + String.join(",", CsvUpdateRenderer.HEADER) + "\r\n");
            } else {
                assertThat(text).as(renderer.format()).contains("Civic space update: KG");
            }
        }
    }

    @Test
    void controlCharactersAndBidiOverridesNeverReachAFile() throws IOException {
        String hostile = "Detained\u0000 at\u0008 the \u202Ecourt\u202C house\u001B";
        UpdateDocument update = new UpdateDocument("upd-9", "KG", "Kyrgyzstan", LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 31), null, null, 1, false, hostile, hostile,
                List.of(new UpdateSection(Freedom.EXPRESSION, "Expression", List.of(new Development("d", null, hostile,
                        Set.of(ViolationType.CENSORSHIP), List.of(1, 7))))),
                List.of(new Footnote(1, hostile, hostile, "https://example.org/\u0000x", null)), List.of(), null, null);

        for (UpdateRenderer renderer : RENDERERS) {
            String text = readBack(renderer, renderer.render(update));
            assertThat(text).as(renderer.format()).contains("Detained at the court house")
                    .doesNotContain("\u0000", "\u0008", "\u202E", "\u001B");
        }
    }

    /** The text of the file as a reader of its format gets it; a file that does not parse fails the test. */
    private static String readBack(UpdateRenderer renderer, byte[] file) throws IOException {
        return switch (renderer.format()) {
            case "html" -> Jsoup.parse(new String(file, StandardCharsets.UTF_8)).text();
            case "docx" -> {
                try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(file));
                        XWPFWordExtractor extractor = new XWPFWordExtractor(docx)) {
                    yield extractor.getText();
                }
            }
            case "pdf" -> {
                try (PDDocument pdf = Loader.loadPDF(file)) {
                    yield new PDFTextStripper().getText(pdf);
                }
            }
            case "csv" -> new String(file, StandardCharsets.UTF_8);
            default -> throw new IllegalArgumentException(renderer.format());
        };
    }
}
