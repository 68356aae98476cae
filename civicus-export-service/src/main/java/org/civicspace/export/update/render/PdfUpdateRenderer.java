package org.civicspace.export.update.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.civicspace.events.Freedom;
import org.civicspace.export.update.domain.Development;
import org.civicspace.export.update.domain.Footnote;
import org.civicspace.export.update.domain.UpdateDocument;
import org.civicspace.export.update.domain.UpdateSection;
import org.springframework.stereotype.Component;

/**
 * An update as a PDF (A4): the same content as the other exports, text wrapped over as many
 * pages as it needs, the monthly chart drawn as bars per freedom per month, footnote markers
 * in brackets pointing to a numbered list of sources whose links can be clicked, page numbers,
 * and the internal marking on top of every page when the export is internal.
 *
 * <p>The standard PDF fonts have no Cyrillic, so the text is set in DejaVu Sans, embedded as a
 * subset (the build copies the two faces from the {@code jasperreports-fonts} jar, with their
 * licence, which allows embedding and redistribution). A character the font lacks is printed as {@code ?}.
 */
@Component
final class PdfUpdateRenderer implements UpdateRenderer {

    private static final String FONTS = "fonts/";

    private static final float MARGIN = 64;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float TOP = PDRectangle.A4.getHeight() - MARGIN;

    private static final String INK = "#1d1d1f";
    private static final String MUTED = "#5b5b66";
    private static final String ACCENT = "#0b5c8a";
    private static final String RULE = "#d9d9e0";
    private static final String INTERNAL_RED = "#a4161a";

    private static final float CHART_AXIS = 28;
    private static final float CHART_HEIGHT = 140;

    private final byte[] regularFont;
    private final byte[] boldFont;

    PdfUpdateRenderer() {
        regularFont = font("DejaVuSans.ttf");
        boldFont = font("DejaVuSans-Bold.ttf");
    }

    private static byte[] font(String name) {
        try (InputStream in = PdfUpdateRenderer.class.getResourceAsStream(FONTS + name)) {
            if (in == null) {
                throw new IllegalStateException("The font " + FONTS + name + " is missing from the class path;"
                        + " the build copies it from net.sf.jasperreports:jasperreports-fonts");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the font " + name, e);
        }
    }

    @Override
    public String format() {
        return "pdf";
    }

    @Override
    public String mediaType() {
        return "application/pdf";
    }

    @Override
    public String extension() {
        return "pdf";
    }

    @Override
    public byte[] render(UpdateDocument document) {
        try (PDDocument pdf = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Pages pages = new Pages(pdf,
                    PDType0Font.load(pdf, new ByteArrayInputStream(regularFont)),
                    PDType0Font.load(pdf, new ByteArrayInputStream(boldFont)),
                    document.internal());
            String title = Wording.title(document);
            pdf.getDocumentInformation().setTitle(title);
            pdf.getDocumentInformation().setCreator("civicspace");
            pdf.getDocumentCatalog().setLanguage(Objects.requireNonNullElse(
                    SafeText.language(title + " " + SafeText.clean(document.introduction())), "en"));
            write(pages, document, title);
            pages.finish(Wording.country(document) + " · " + Wording.period(document));
            pdf.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the pdf export", e);
        }
    }

    private static void write(Pages pages, UpdateDocument document, String title) throws IOException {
        pages.text(Wording.country(document).toUpperCase(Locale.ROOT), pages.bold, 9.5f, 14, ACCENT, 0);
        pages.text(title, pages.bold, 20, 25, INK, 0);
        pages.gap(4);
        pages.text(Wording.facts(document), pages.regular, 9.5f, 13, MUTED, 0);
        pages.text(Wording.version(document), pages.regular, 9.5f, 13, MUTED, 0);
        pages.gap(6);
        pages.rule(1.5f, INK);
        pages.gap(10);
        for (String paragraph : SafeText.paragraphs(document.introduction())) {
            pages.text(paragraph, pages.regular, 11.5f, 16, INK, 0);
            pages.gap(6);
        }
        if (!document.chart().isEmpty()) {
            chart(pages, MonthlyChart.of(document.chart(), WIDTH - CHART_AXIS, CHART_HEIGHT));
        }
        Map<Integer, Footnote> sources = Wording.sources(document);
        for (UpdateSection section : document.sections()) {
            heading(pages, SafeText.line(section.title()));
            if (section.developments().isEmpty()) {
                pages.text(Wording.NOTHING_RECORDED, pages.regular, 11, 15, MUTED, 0);
            }
            for (Development development : section.developments()) {
                pages.keep(12 + 3 * 15);
                if (development.date() != null) {
                    pages.text(Wording.date(development.date()), pages.bold, 10, 14, MUTED, 0);
                }
                List<Integer> cited = development.footnotes().stream().filter(sources::containsKey).toList();
                String markers = cited.isEmpty() ? ""
                        : " [" + cited.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "]";
                pages.text(SafeText.clean(development.text()) + markers, pages.regular, 11, 15, INK, 0);
                if (!development.violationTypes().isEmpty()) {
                    pages.text(Wording.violations(development.violationTypes()), pages.regular, 8.5f, 12, MUTED, 0);
                }
                pages.gap(8);
            }
        }
        if (!sources.isEmpty()) {
            heading(pages, Wording.SOURCES);
            for (Footnote footnote : sources.values()) {
                sourceEntry(pages, footnote);
            }
        }
    }

    private static void heading(Pages pages, String text) throws IOException {
        pages.keep(30 + 3 * 15);
        pages.gap(12);
        pages.text(text, pages.bold, 15, 19, INK, 0);
        pages.gap(2);
        pages.rule(0.6f, RULE);
        pages.gap(8);
    }

    private static void sourceEntry(Pages pages, Footnote footnote) throws IOException {
        float indent = 18;
        pages.keep(2 * 12);
        pages.label(footnote.number() + ".", pages.regular, 9, 0, INK);
        pages.text(Wording.citation(footnote), pages.regular, 9, 12, INK, indent);
        String url = SafeText.line(footnote.url());
        if (!url.isEmpty()) {
            String link = SafeText.webLink(url).orElse(null);
            pages.text(url, pages.regular, 9, 12, link == null ? MUTED : ACCENT, indent, link);
        }
        pages.gap(4);
    }

    private static void chart(Pages pages, MonthlyChart chart) throws IOException {
        pages.keep(CHART_HEIGHT + 70);
        pages.gap(6);
        pages.text(Wording.CHART_TITLE, pages.bold, 10.5f, 16, INK, 0);
        pages.gap(6);
        float left = MARGIN + CHART_AXIS;
        float baseline = pages.y - CHART_HEIGHT;
        PDPageContentStream content = pages.content;
        for (MonthlyChart.Tick tick : chart.ticks()) {
            float y = baseline + (float) tick.y();
            stroke(content, tick.value() == 0 ? INK : RULE, 0.6f);
            content.moveTo(left, y);
            content.lineTo(MARGIN + WIDTH, y);
            content.stroke();
            String value = String.valueOf(tick.value());
            pages.show(value, pages.regular, 7.5f, left - 5 - pages.width(value, pages.regular, 7.5f), y - 2.5f, MUTED);
        }
        for (MonthlyChart.Bar bar : chart.bars()) {
            fill(content, MonthlyChart.colour(bar.freedom()));
            content.addRect(left + (float) bar.x(), baseline, (float) bar.width(), (float) bar.height());
            content.fill();
        }
        for (MonthlyChart.MonthLabel month : chart.months()) {
            float centre = left + (float) month.x();
            pages.show(month.name(), pages.regular, 7.5f, centre - pages.width(month.name(), pages.regular, 7.5f) / 2,
                    baseline - 10, MUTED);
            if (!month.year().isEmpty()) {
                pages.show(month.year(), pages.regular, 7.5f,
                        centre - pages.width(month.year(), pages.regular, 7.5f) / 2, baseline - 19, MUTED);
            }
        }
        float x = left;
        float legend = baseline - 34;
        for (Freedom freedom : Freedom.values()) {
            fill(content, MonthlyChart.colour(freedom));
            content.addRect(x, legend, 8, 8);
            content.fill();
            String name = Wording.freedom(freedom);
            pages.show(name, pages.regular, 8.5f, x + 12, legend + 0.5f, INK);
            x += 12 + pages.width(name, pages.regular, 8.5f) + 18;
        }
        pages.y = legend - 14;
    }

    private static void fill(PDPageContentStream content, String hex) throws IOException {
        float[] rgb = rgb(hex);
        content.setNonStrokingColor(rgb[0], rgb[1], rgb[2]);
    }

    private static void stroke(PDPageContentStream content, String hex, float width) throws IOException {
        float[] rgb = rgb(hex);
        content.setStrokingColor(rgb[0], rgb[1], rgb[2]);
        content.setLineWidth(width);
    }

    private static float[] rgb(String hex) {
        int value = Integer.parseInt(hex.substring(1), 16);
        return new float[] {((value >> 16) & 0xFF) / 255f, ((value >> 8) & 0xFF) / 255f, (value & 0xFF) / 255f};
    }

    /** The pages being written: where the next line goes, breaking to a new page when one is full. */
    private static final class Pages {

        private final PDDocument pdf;
        private final PDFont regular;
        private final PDFont bold;
        private final boolean internal;
        private final Map<PDFont, Map<Integer, Boolean>> glyphs = new HashMap<>();
        private PDPageContentStream content;
        private PDPage page;
        private float y;

        Pages(PDDocument pdf, PDFont regular, PDFont bold, boolean internal) throws IOException {
            this.pdf = pdf;
            this.regular = regular;
            this.bold = bold;
            this.internal = internal;
            newPage();
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            content = new PDPageContentStream(pdf, page);
            y = TOP;
            if (internal) {
                show(Wording.INTERNAL, bold, 8.5f, MARGIN, PDRectangle.A4.getHeight() - 38, INTERNAL_RED);
            }
        }

        /** Starts a new page unless this much height is left on this one. */
        void keep(float height) throws IOException {
            if (y - height < MARGIN) {
                newPage();
            }
        }

        void gap(float height) {
            y -= height;
        }

        void rule(float width, String colour) throws IOException {
            stroke(content, colour, width);
            content.moveTo(MARGIN, y);
            content.lineTo(MARGIN + WIDTH, y);
            content.stroke();
        }

        void text(String text, PDFont font, float size, float leading, String colour, float indent) throws IOException {
            text(text, font, size, leading, colour, indent, null);
        }

        /** Writes the text wrapped to the width, line by line; with a link, every line is a link to it. */
        void text(String text, PDFont font, float size, float leading, String colour, float indent, String link)
                throws IOException {
            for (String line : wrap(printable(text, font), font, size, WIDTH - indent)) {
                keep(leading);
                float baseline = y - size;
                show(line, font, size, MARGIN + indent, baseline, colour);
                if (link != null) {
                    link(link, MARGIN + indent, baseline - size * 0.25f, width(line, font, size), size * 1.2f);
                }
                y -= leading;
            }
        }

        /** A label at the left of the next line, such as a source's number; the line itself is written next. */
        void label(String text, PDFont font, float size, float indent, String colour) throws IOException {
            show(text, font, size, MARGIN + indent, y - size, colour);
        }

        void show(String text, PDFont font, float size, float x, float baseline, String colour) throws IOException {
            fill(content, colour);
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, baseline);
            content.showText(printable(text, font));
            content.endText();
        }

        float width(String text, PDFont font, float size) throws IOException {
            return font.getStringWidth(printable(text, font)) / 1000 * size;
        }

        private void link(String url, float x, float bottom, float width, float height) throws IOException {
            PDActionURI action = new PDActionURI();
            action.setURI(url);
            PDAnnotationLink annotation = new PDAnnotationLink();
            annotation.setRectangle(new PDRectangle(x, bottom, width, height));
            PDBorderStyleDictionary noBorder = new PDBorderStyleDictionary();
            noBorder.setWidth(0);
            annotation.setBorderStyle(noBorder);
            annotation.setAction(action);
            page.getAnnotations().add(annotation);
        }

        /** Greedy wrapping at spaces; a word longer than a line (a long address) is cut where it must be. */
        private List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String paragraph : text.split("\n")) {
                StringBuilder line = new StringBuilder();
                for (String word : paragraph.split(" +")) {
                    String candidate = line.isEmpty() ? word : line + " " + word;
                    if (width(candidate, font, size) <= width) {
                        line.setLength(0);
                        line.append(candidate);
                        continue;
                    }
                    if (!line.isEmpty()) {
                        lines.add(line.toString());
                        line.setLength(0);
                    }
                    String rest = word;
                    while (width(rest, font, size) > width) {
                        int cut = rest.offsetByCodePoints(0, 1);
                        while (cut < rest.length()
                                && width(rest.substring(0, rest.offsetByCodePoints(cut, 1)), font, size) <= width) {
                            cut = rest.offsetByCodePoints(cut, 1);
                        }
                        lines.add(rest.substring(0, cut));
                        rest = rest.substring(cut);
                    }
                    line.append(rest);
                }
                lines.add(line.toString());
            }
            return lines;
        }

        /** The text with every character the font has no glyph for as {@code ?}. */
        private String printable(String text, PDFont font) {
            Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                boolean has = cp == '\n' || known.computeIfAbsent(cp, c -> {
                    try {
                        font.encode(new String(Character.toChars(c)));
                        return true;
                    } catch (IllegalArgumentException | IOException e) {
                        return false;
                    }
                });
                if (has) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('?');
                }
            });
            return out.toString();
        }

        /** Closes the last page and numbers them all: "n / N" with what the document is about. */
        void finish(String about) throws IOException {
            content.close();
            int total = pdf.getNumberOfPages();
            for (int i = 0; i < total; i++) {
                try (PDPageContentStream footer =
                        new PDPageContentStream(pdf, pdf.getPage(i), AppendMode.APPEND, true, true)) {
                    content = footer;
                    String number = (i + 1) + " / " + total;
                    show(about, regular, 7.5f, MARGIN, MARGIN - 28, MUTED);
                    show(number, regular, 7.5f, MARGIN + WIDTH - width(number, regular, 7.5f), MARGIN - 28, MUTED);
                }
            }
        }
    }
}
