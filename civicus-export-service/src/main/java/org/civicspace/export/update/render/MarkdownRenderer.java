package org.civicspace.export.update.render;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.civicspace.events.Freedom;
import org.civicspace.export.domain.MonthlyCount;
import org.civicspace.export.update.domain.Development;
import org.civicspace.export.update.domain.Footnote;
import org.civicspace.export.update.domain.UpdateDocument;
import org.civicspace.export.update.domain.UpdateSection;
import org.springframework.stereotype.Component;

/**
 * The update as Markdown (CommonMark, with a GFM table for the chart). Every text from the
 * document is escaped: whatever a report's title says, it stays text — no link, image, HTML tag,
 * heading or list comes out of it. Links come only from footnotes, as autolinks of http(s)
 * addresses the compiler checked.
 */
@Component
class MarkdownRenderer implements UpdateRenderer {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH);
    /** Characters that mean something to a Markdown or HTML reader anywhere in a line. */
    private static final Pattern INLINE = Pattern.compile("[\\\\`*_\\[\\]{}()<>#!|~&]");
    /** What would start a block (heading, quote, list, setext underline, table) at the start of a line. */
    private static final Pattern LINE_START = Pattern.compile("(?m)^([-+=>]|\\d+(?=[.)]))");

    @Override
    public String format() {
        return "md";
    }

    @Override
    public String mediaType() {
        return "text/markdown; charset=UTF-8";
    }

    @Override
    public String extension() {
        return "md";
    }

    @Override
    public byte[] render(UpdateDocument d) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(line(d.countryName())).append(": ").append(line(d.headline())).append("\n\n");
        md.append('*').append(line(d.countryName())).append(", ").append(DAY.format(d.from())).append(" to ")
                .append(DAY.format(d.to()));
        if (d.rating() != null) {
            md.append(" · rated ").append(d.rating().wireName());
        }
        md.append(" · version ").append(d.version()).append(", ").append(d.status().wireName().replace('_', ' '));
        if (d.editedAt() != null) {
            md.append(" · ").append(DAY.format(LocalDate.ofInstant(d.editedAt(), ZoneOffset.UTC)));
        }
        md.append("*\n\n");
        if (d.internal()) {
            md.append("**Internal: not for publication.**\n\n");
        }
        md.append(paragraphs(d.introduction())).append("\n\n");
        for (UpdateSection section : d.sections()) {
            md.append("## ").append(line(section.title())).append("\n\n");
            if (section.developments().isEmpty()) {
                md.append("*No developments recorded in this period.*\n\n");
                continue;
            }
            for (Development development : section.developments()) {
                md.append("- ");
                if (development.date() != null) {
                    md.append("**").append(DAY.format(development.date())).append("**: ");
                }
                md.append(line(development.text()));
                if (!development.footnotes().isEmpty()) {
                    md.append(' ').append(development.footnotes().stream().map(n -> "\\[" + n + "\\]")
                            .collect(Collectors.joining()));
                }
                md.append('\n');
            }
            md.append('\n');
        }
        if (!d.chart().isEmpty()) {
            md.append("## Reports per month\n\n| Month | Reports | Association | Peaceful Assembly | Expression |\n")
                    .append("|---|---:|---:|---:|---:|\n");
            for (MonthlyCount month : d.chart()) {
                md.append("| ").append(month.month()).append(" | ").append(month.reports()).append(" | ")
                        .append(month.byFreedom().get(Freedom.ASSOCIATION)).append(" | ")
                        .append(month.byFreedom().get(Freedom.PEACEFUL_ASSEMBLY)).append(" | ")
                        .append(month.byFreedom().get(Freedom.EXPRESSION)).append(" |\n");
            }
            md.append('\n');
        }
        if (!d.footnotes().isEmpty()) {
            md.append("## Sources\n\n");
            for (Footnote footnote : d.footnotes()) {
                md.append(footnote.number()).append(". ").append(line(footnote.title()));
                if (footnote.publisher() != null) {
                    md.append(", ").append(line(footnote.publisher()));
                }
                if (footnote.date() != null) {
                    md.append(", ").append(DAY.format(footnote.date()));
                }
                md.append('.');
                if (footnote.url() != null && footnote.url().matches("https?://[^\\s<>]+")) {
                    md.append(" <").append(footnote.url()).append('>');
                }
                md.append('\n');
            }
        }
        return md.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Plain text as one line of Markdown text. */
    static String line(String text) {
        return text == null ? "" : escape(text.replaceAll("\\s+", " ").strip());
    }

    /** Plain text with paragraphs (blank lines) kept, every line escaped. */
    static String paragraphs(String text) {
        if (text == null) {
            return "";
        }
        return Arrays.stream(text.strip().split("\\R\\s*\\R"))
                .map(MarkdownRenderer::line)
                .collect(Collectors.joining("\n\n"));
    }

    private static String escape(String text) {
        String inline = INLINE.matcher(text).replaceAll(m -> "\\\\" + Matcher.quoteReplacement(m.group()));
        return LINE_START.matcher(inline).replaceAll(m -> m.group(1).matches("\\d+")
                ? m.group(1) + "\\\\" : "\\\\" + Matcher.quoteReplacement(m.group(1)));
    }
}
