package org.civicspace.export.update.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.junit.jupiter.api.Test;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFtnEdnRef;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFtnEdn;

class DocxUpdateRendererTest {

    private final DocxUpdateRenderer renderer = new DocxUpdateRenderer();

    private XWPFDocument render(boolean internal) throws IOException {
        return new XWPFDocument(new ByteArrayInputStream(renderer.render(SampleUpdates.kazakhstan(internal))));
    }

    @Test
    void headingsAreRealHeadingsInTheDocumentsOwnStyles() throws IOException {
        try (XWPFDocument docx = render(false)) {
            assertThat(docx.getStyles().getStyle("Title").getName()).isEqualTo("Title");
            assertThat(docx.getStyles().getStyle("Heading1").getName()).isEqualTo("heading 1");
            assertThat(docx.getStyles().getStyle("Heading2").getName()).isEqualTo("heading 2");
            assertThat(docx.getStyles().getStyle("Heading1").getCTStyle().getPPr().getOutlineLvl().getVal())
                    .isEqualTo(BigInteger.ZERO);

            assertThat(docx.getParagraphs().stream()
                    .filter(p -> p.getStyle() != null && !p.getStyle().equals("Subtitle"))
                    .map(p -> p.getStyle() + ": " + p.getText()))
                    .containsExactly(
                            "Title: Defender detained; march refused; NGO office searched",
                            "Heading1: Association",
                            "Heading2: 5 September 2026",
                            "Heading2: 2 October 2026",
                            "Heading1: Peaceful Assembly",
                            "Heading2: 20 September 2026",
                            "Heading2: 14 October 2026",
                            "Heading1: Expression");
        }
    }

    @Test
    void developmentsFollowTheirHeadingsInOrderWithTheirTypes() throws IOException {
        try (XWPFDocument docx = render(false)) {
            List<String> texts = docx.getParagraphs().stream().map(this::textWithoutReferences).toList();

            int association = texts.indexOf("Association");
            assertThat(texts.subList(association, association + 7)).containsExactly(
                    "Association",
                    "5 September 2026", SampleUpdates.DETENTION, "Human rights defender detained, Judicial harassment",
                    "2 October 2026", SampleUpdates.RAID, "NGO closed or raided");
            assertThat(texts.get(texts.indexOf("Expression") + 1)).isEqualTo(Wording.NOTHING_RECORDED);
            assertThat(texts).contains(SampleUpdates.FORMULA_TEXT)
                    .anySatisfy(text -> assertThat(text)
                            .contains("Rating: Repressed", "1 September 2026 – 31 October 2026"));
            assertThat(String.join("\n", texts)).contains(SampleUpdates.PSEUDONYM).doesNotContain("editor-7");
        }
    }

    @Test
    void everyCitationIsARealFootnoteWithTheSourceAndItsLink() throws IOException {
        try (XWPFDocument docx = render(false)) {
            List<XWPFFootnote> notes = docx.getFootnotes().stream()
                    .filter(note -> note.getCTFtnEdn().getType() == null || note.getCTFtnEdn().getType() == STFtnEdn.NORMAL)
                    .toList();
            Map<BigInteger, XWPFFootnote> byId = notes.stream()
                    .collect(Collectors.toMap(XWPFFootnote::getId, Function.identity()));
            // the detention cites sources 1 and 2; every other development one source
            XWPFParagraph detention = paragraphWith(docx, SampleUpdates.DETENTION);
            List<BigInteger> cited = references(detention);
            assertThat(cited).hasSize(2);
            assertThat(detention.getRuns()).extracting(XWPFRun::text).endsWith(
                    "[footnoteRef:" + cited.get(0) + "]", ",", "[footnoteRef:" + cited.get(1) + "]");
            assertThat(byId.get(cited.get(0)).getParagraphs().get(0).getText())
                    .contains("Rights coordinator held after picket — Example Daily, 5 September 2026")
                    .contains("https://news.example.org/2026/09/picket");
            assertThat(links(byId.get(cited.get(0)))).containsExactly("https://news.example.org/2026/09/picket");
            assertThat(byId.get(cited.get(1)).getParagraphs().get(0).getText()).contains(SampleUpdates.SCRIPT_TITLE);
            assertThat(links(byId.get(cited.get(1)))).isEmpty();

            XWPFFootnote raid = byId.get(references(paragraphWith(docx, SampleUpdates.RAID)).get(0));
            assertThat(raid.getParagraphs().get(0).getText()).contains("Обыск в офисе фонда — Пример Медиа");
            assertThat(links(raid)).containsExactly("https://media.example.ru/news/obysk");
            assertThat(raid.getParagraphs().get(0).getStyle()).isEqualTo("FootnoteText");

            XWPFFootnote javascript = byId.get(references(paragraphWith(docx, SampleUpdates.FORMULA_TEXT)).get(0));
            assertThat(javascript.getParagraphs().get(0).getText()).endsWith("javascript:alert(1)");
            assertThat(links(javascript)).isEmpty();
            assertThat(notes).hasSize(5);
        }
    }

    @Test
    void tagsRussianTextAsRussian() throws IOException {
        try (XWPFDocument docx = render(false)) {
            assertThat(paragraphWith(docx, SampleUpdates.RAID).getRuns().get(0).getLang()).isEqualTo("ru-RU");
            assertThat(paragraphWith(docx, SampleUpdates.DETENTION).getRuns().get(0).getLang()).isEqualTo("en-GB");
        }
    }

    @Test
    void anInternalExportIsMarkedOnEveryPage() throws IOException {
        try (XWPFDocument docx = render(true)) {
            assertThat(docx.getHeaderList()).singleElement()
                    .satisfies(header -> assertThat(header.getText()).contains(Wording.INTERNAL));
        }
        try (XWPFDocument docx = render(false)) {
            assertThat(docx.getHeaderList()).isEmpty();
            assertThat(docx.getParagraphs().stream().map(XWPFParagraph::getText)).doesNotContain(Wording.INTERNAL);
        }
    }

    @Test
    void holdsTheMonthlyCountsAsATable() throws IOException {
        try (XWPFDocument docx = render(false)) {
            assertThat(docx.getTables()).singleElement().satisfies(table -> {
                assertThat(table.getRow(0).getTableCells()).extracting(cell -> cell.getText())
                        .containsExactly("Month", "Association", "Peaceful assembly", "Expression");
                assertThat(table.getRow(2).getTableCells()).extracting(cell -> cell.getText())
                        .containsExactly("2026-10", "1", "0", "4");
            });
        }
    }

    /** The paragraph's own text without its footnote marks (POI's getText() would add the notes' texts). */
    private String textWithoutReferences(XWPFParagraph paragraph) {
        return paragraph.getRuns().stream().map(XWPFRun::text).collect(Collectors.joining())
                .replaceAll("(,?\\[footnoteRef:\\d+])+", "");
    }

    private XWPFParagraph paragraphWith(XWPFDocument docx, String text) {
        return docx.getParagraphs().stream().filter(p -> textWithoutReferences(p).equals(text)).findFirst().orElseThrow();
    }

    private static List<BigInteger> references(XWPFParagraph paragraph) {
        List<BigInteger> ids = new ArrayList<>();
        for (XWPFRun run : paragraph.getRuns()) {
            for (CTFtnEdnRef reference : run.getCTR().getFootnoteReferenceList()) {
                ids.add(reference.getId());
            }
        }
        return ids;
    }

    private static List<String> links(XWPFFootnote note) {
        List<String> links = new ArrayList<>();
        for (XWPFRun run : note.getParagraphs().get(0).getRuns()) {
            if (run instanceof XWPFHyperlinkRun link) {
                PackageRelationship relation = note.getPart().getPackagePart().getRelationship(link.getHyperlinkId());
                links.add(relation.getTargetURI().toString());
            }
        }
        return links;
    }
}
