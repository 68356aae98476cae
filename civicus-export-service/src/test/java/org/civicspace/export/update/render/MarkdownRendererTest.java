package org.civicspace.export.update.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;

import org.civicspace.events.CivicusRating;
import org.civicspace.events.Freedom;
import org.civicspace.events.ViolationType;
import org.civicspace.export.domain.MonthlyCount;
import org.civicspace.export.update.domain.Development;
import org.civicspace.export.update.domain.Footnote;
import org.civicspace.export.update.domain.UpdateDocument;
import org.civicspace.export.update.domain.UpdateSection;
import org.civicspace.export.update.domain.UpdateStatus;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    static final String HOSTILE = "<img src=x onerror=alert(1)> [x](javascript:alert(2)) **bold** `code` &lt;b&gt;";

    @Test
    void keepsEveryReportTextAsTextWhateverItContains() {
        String md = render(HOSTILE, "Intro line\n\n# Not a heading\n[ref]: javascript:alert(3)\n1. not a list\n= not a rule");

        // every markup character of a report text comes out behind a backslash, so it is a literal
        assertThat(md).doesNotContainPattern("(?<!\\\\)<img").doesNotContainPattern("(?<!\\\\)&lt;")
                .doesNotContain("](javascript", "**bold**", "`code`")
                .contains("\\<img src=x onerror=alert\\(1\\)\\>").contains("\\[x\\]\\(javascript:alert\\(2\\)\\)")
                .contains("\\*\\*bold\\*\\*").contains("\\&lt;b\\&gt;");
        // line breaks inside a paragraph are spaces: no line of a report text starts a heading, a link
        // reference definition, a list or a setext rule
        assertThat(md.lines()).noneMatch(line -> line.startsWith("# Not") || line.startsWith("[ref]")
                || line.startsWith("1. not") || line.startsWith("= not"));
        assertThat(md).contains("\\# Not a heading \\[ref\\]: javascript:alert\\(3\\) 1. not a list = not a rule");
        assertThat(MarkdownRenderer.paragraphs("1. first\n\n- second\n\n> third\n\n=== fourth"))
                .isEqualTo("1\\. first\n\n\\- second\n\n\\> third\n\n\\=== fourth");
    }

    @Test
    void citesSourcesByNumberWithTheirLinks() {
        String md = render("Picket dispersed", "Intro");
        assertThat(md).contains("- **3 October 2026**: Picket dispersed \\[1\\]")
                .contains("## Sources\n\n1. Report title, Steppe News, 3 October 2026. <https://news.example/a>")
                .contains("## Association\n\n*No developments recorded in this period.*")
                .contains("| 2026-10 |");
    }

    private static String render(String text, String introduction) {
        UpdateDocument document = new UpdateDocument("u-1", "KZ", "Kazakhstan", LocalDate.parse("2026-10-01"),
                LocalDate.parse("2026-10-31"), CivicusRating.REPRESSED, UpdateStatus.DRAFT, 1, false, HOSTILE,
                introduction,
                List.of(new UpdateSection(Freedom.ASSOCIATION, "Association", List.of()),
                        new UpdateSection(Freedom.PEACEFUL_ASSEMBLY, "Peaceful Assembly", List.of(new Development("d-1",
                                LocalDate.parse("2026-10-03"), text, Set.of(ViolationType.EXCESSIVE_FORCE), List.of(1))))),
                List.of(new Footnote(1, "Report title", "Steppe News", "https://news.example/a",
                        LocalDate.parse("2026-10-03"))),
                List.of(new MonthlyCount(YearMonth.of(2026, 10), 1, null)),
                "editor-1", Instant.parse("2026-11-01T08:00:00Z"));
        return new String(new MarkdownRenderer().render(document), StandardCharsets.UTF_8);
    }
}
