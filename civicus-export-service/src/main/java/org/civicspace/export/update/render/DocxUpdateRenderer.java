package org.civicspace.export.update.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFFootnotes;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlException;
import org.civicspace.events.Freedom;
import org.civicspace.export.domain.MonthlyCount;
import org.civicspace.export.update.domain.Development;
import org.civicspace.export.update.domain.Footnote;
import org.civicspace.export.update.domain.UpdateDocument;
import org.civicspace.export.update.domain.UpdateSection;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFtnEdn;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFtnEdn;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;
import org.springframework.stereotype.Component;

/**
 * An update as a Word document (Office Open XML, opens in Word and LibreOffice): the headline in
 * the Title style, sections as Heading 1, each development under a Heading 2 with its date, its
 * sources as real footnotes with their links, the monthly counts as a table, and on every page
 * the internal marking (in the page header) when the export is internal. The styles are the document's own
 * ({@code docx-styles.xml}), so the headings are real headings.
 */
@Component
final class DocxUpdateRenderer implements UpdateRenderer {

    private static final String STYLES = "docx-styles.xml";
    private static final String INTERNAL_RED = "A4161A";

    private final CTStyles styles;

    DocxUpdateRenderer() {
        try (InputStream in = DocxUpdateRenderer.class.getResourceAsStream(STYLES)) {
            if (in == null) {
                throw new IllegalStateException(STYLES + " is missing from the class path");
            }
            styles = StylesDocument.Factory.parse(in).getStyles();
        } catch (IOException | XmlException e) {
            throw new IllegalStateException("cannot read " + STYLES, e);
        }
    }

    @Override
    public String format() {
        return "docx";
    }

    @Override
    public String mediaType() {
        return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    }

    @Override
    public String extension() {
        return "docx";
    }

    @Override
    public byte[] render(UpdateDocument document) {
        try (XWPFDocument docx = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            docx.createStyles().setStyles((CTStyles) styles.copy());
            String title = Wording.title(document);
            docx.getProperties().getCoreProperties().setTitle(title);
            docx.getProperties().getCoreProperties().setCreator("civicspace");
            if (document.internal()) {
                internalMarking(docx.createHeader(HeaderFooterType.DEFAULT).createParagraph());
            }
            text(docx.createParagraph(), "Title", title);
            text(docx.createParagraph(), "Subtitle", Wording.facts(document));
            text(docx.createParagraph(), "Subtitle", Wording.version(document));
            for (String paragraph : SafeText.paragraphs(document.introduction())) {
                text(docx.createParagraph(), null, paragraph);
            }
            if (!document.chart().isEmpty()) {
                counts(docx, document.chart());
            }
            Footnotes footnotes = new Footnotes(docx, Wording.sources(document));
            for (UpdateSection section : document.sections()) {
                text(docx.createParagraph(), "Heading1", SafeText.line(section.title()));
                if (section.developments().isEmpty()) {
                    text(docx.createParagraph(), null, Wording.NOTHING_RECORDED, run -> run.setItalic(true));
                }
                for (Development development : section.developments()) {
                    if (development.date() != null) {
                        text(docx.createParagraph(), "Heading2", Wording.date(development.date()));
                    }
                    XWPFParagraph paragraph = docx.createParagraph();
                    text(paragraph, null, SafeText.clean(development.text()));
                    footnotes.cite(paragraph, development.footnotes());
                    if (!development.violationTypes().isEmpty()) {
                        text(docx.createParagraph(), null, Wording.violations(development.violationTypes()), run -> {
                            run.setItalic(true);
                            run.setColor("5B5B66");
                            run.setFontSize(9);
                        });
                    }
                }
            }
            docx.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the docx export", e);
        }
    }

    private static void text(XWPFParagraph paragraph, String style, String text) {
        text(paragraph, style, text, run -> { });
    }

    /** Appends the text as a run per line, parted by breaks, each tagged with the text's language and given the look. */
    private static void text(XWPFParagraph paragraph, String style, String text, Consumer<XWPFRun> look) {
        if (style != null) {
            paragraph.setStyle(style);
        }
        String language = SafeText.language(text);
        XWPFRun previous = null;
        for (String line : text.split("\n", -1)) {
            if (previous != null) {
                previous.addBreak();
            }
            XWPFRun run = paragraph.createRun();
            run.setText(line);
            if (language != null) {
                run.setLang(wordLanguage(language));
            }
            look.accept(run);
            previous = run;
        }
    }

    private static void internalMarking(XWPFParagraph paragraph) {
        XWPFRun run = paragraph.createRun();
        run.setText(Wording.INTERNAL);
        run.setBold(true);
        run.setColor(INTERNAL_RED);
    }

    private static void counts(XWPFDocument docx, List<MonthlyCount> chart) {
        text(docx.createParagraph(), null, Wording.CHART_TITLE, run -> run.setBold(true));
        Freedom[] freedoms = Freedom.values();
        XWPFTable table = docx.createTable(chart.size() + 1, freedoms.length + 1);
        XWPFTableRow header = table.getRow(0);
        header.getCell(0).setText("Month");
        for (Freedom freedom : freedoms) {
            header.getCell(freedom.ordinal() + 1).setText(Wording.freedom(freedom));
        }
        for (int m = 0; m < chart.size(); m++) {
            MonthlyCount count = chart.get(m);
            XWPFTableRow row = table.getRow(m + 1);
            row.getCell(0).setText(count.month().toString());
            for (Freedom freedom : freedoms) {
                row.getCell(freedom.ordinal() + 1).setText(String.valueOf(count.byFreedom().get(freedom)));
            }
        }
        docx.createParagraph();
    }

    /** Word's own tags carry a region; a language it does not know would turn off its spelling check. */
    private static String wordLanguage(String language) {
        return switch (language) {
            case "en" -> "en-GB";
            case "ru" -> "ru-RU";
            case "uk" -> "uk-UA";
            case "kk" -> "kk-KZ";
            case "be" -> "be-BY";
            default -> language;
        };
    }

    /**
     * The document's footnotes: every citation is a footnote of its own — Word numbers them in
     * order of appearance — holding the source's citation and its link.
     */
    private static final class Footnotes {

        private final XWPFDocument docx;
        private final Map<Integer, Footnote> sources;
        private XWPFFootnotes part;

        Footnotes(XWPFDocument docx, Map<Integer, Footnote> sources) {
            this.docx = docx;
            this.sources = sources;
        }

        /** A footnote for each source, their marks parted by a superscript comma (¹,² not ¹²). */
        void cite(XWPFParagraph paragraph, List<Integer> numbers) {
            boolean first = true;
            for (int number : numbers) {
                Footnote source = sources.get(number);
                if (source == null) {
                    continue;
                }
                if (!first) {
                    XWPFRun comma = paragraph.createRun();
                    comma.setText(",");
                    comma.setStyle("FootnoteReference");
                }
                first = false;
                paragraph.addFootnoteReference(footnote(source));
            }
        }

        private XWPFFootnote footnote(Footnote source) {
            XWPFFootnote footnote = part().createFootnote();
            XWPFParagraph note = footnote.createParagraph();
            note.setStyle("FootnoteText");
            XWPFRun citation = note.createRun();
            citation.setText(" " + Wording.citation(source));
            String language = SafeText.language(Wording.citation(source));
            if (language != null) {
                citation.setLang(wordLanguage(language));
            }
            String url = SafeText.line(source.url());
            if (!url.isEmpty()) {
                note.createRun().setText(". ");
                SafeText.webLink(url).ifPresentOrElse(link -> {
                    XWPFHyperlinkRun run = note.createHyperlinkRun(link);
                    run.setText(url);
                    run.setStyle("Hyperlink");
                }, () -> note.createRun().setText(url));
            }
            return footnote;
        }

        /** Created on the first citation, with the separators Word draws above the notes. */
        private XWPFFootnotes part() {
            if (part == null) {
                part = docx.createFootnotes();
                part.addFootnote(separator(-1, STFtnEdn.SEPARATOR));
                part.addFootnote(separator(0, STFtnEdn.CONTINUATION_SEPARATOR));
            }
            return part;
        }

        private static CTFtnEdn separator(int id, STFtnEdn.Enum type) {
            CTFtnEdn note = CTFtnEdn.Factory.newInstance();
            note.setId(BigInteger.valueOf(id));
            note.setType(type);
            var run = note.addNewP().addNewR();
            if (type == STFtnEdn.SEPARATOR) {
                run.addNewSeparator();
            } else {
                run.addNewContinuationSeparator();
            }
            return note;
        }
    }
}
