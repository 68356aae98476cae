package org.civicspace.export.update.render;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.civicspace.events.ViolationType;
import org.civicspace.export.update.domain.Development;
import org.civicspace.export.update.domain.Footnote;
import org.civicspace.export.update.domain.UpdateDocument;
import org.civicspace.export.update.domain.UpdateSection;
import org.springframework.stereotype.Component;

/**
 * The developments of an update as a spreadsheet: one row per development, in section and date
 * order (RFC 4180, CRLF, UTF-8 with a byte order mark so Excel reads Cyrillic right). A cell
 * that a spreadsheet would take for a formula gets a leading apostrophe. In an internal export
 * every row carries the internal marking, so it stays with any row copied elsewhere.
 */
@Component
final class CsvUpdateRenderer implements UpdateRenderer {

    static final List<String> HEADER = List.of(
            "country", "section", "date", "text", "violation types", "source titles", "source links", "marking");

    private static final String BOM = "\uFEFF";
    private static final String CRLF = "\r\n";

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public String mediaType() {
        return "text/csv; charset=UTF-8; header=present";
    }

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public byte[] render(UpdateDocument document) {
        Map<Integer, Footnote> sources = Wording.sources(document);
        StringBuilder csv = new StringBuilder(BOM);
        row(csv, HEADER);
        for (UpdateSection section : document.sections()) {
            for (Development development : section.developments()) {
                List<Footnote> cited = development.footnotes().stream()
                        .map(sources::get).filter(Objects::nonNull).toList();
                List<String> links = new ArrayList<>();
                for (Footnote footnote : cited) {
                    links.add(SafeText.webLink(footnote.url()).orElse(SafeText.line(footnote.url())));
                }
                row(csv, List.of(
                        SafeText.line(document.country()),
                        SafeText.line(section.title()),
                        development.date() == null ? "" : development.date().toString(),
                        SafeText.clean(development.text()),
                        Wording.ordered(development.violationTypes()).stream()
                                .map(ViolationType::wireName).collect(Collectors.joining("; ")),
                        cited.stream().map(f -> SafeText.line(f.title())).collect(Collectors.joining("\n")),
                        String.join("\n", links),
                        document.internal() ? Wording.INTERNAL : ""));
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(quoted(neutralised(cells.get(i))));
        }
        csv.append(CRLF);
    }

    /**
     * A cell a spreadsheet would evaluate — one that starts, after any white space, with {@code =},
     * {@code +}, {@code -} or {@code @}, or starts with a tab or a line break — is prefixed with
     * an apostrophe, so it stays text.
     */
    static String neutralised(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        if (first == '\t' || first == '\r' || first == '\n') {
            return "'" + cell;
        }
        int start = 0;
        while (start < cell.length() && (Character.isWhitespace(cell.charAt(start))
                || Character.isSpaceChar(cell.charAt(start)))) {
            start++;
        }
        if (start < cell.length() && "=+-@＝＋－＠".indexOf(cell.charAt(start)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }

    private static String quoted(String cell) {
        boolean plain = cell.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return plain ? cell : '"' + cell.replace("\"", "\"\"") + '"';
    }
}
