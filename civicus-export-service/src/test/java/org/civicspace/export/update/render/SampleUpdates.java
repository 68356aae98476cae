package org.civicspace.export.update.render;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
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

/** An update written by hand for the renderer tests: English and Russian, a pseudonym, and hostile texts. */
final class SampleUpdates {

    static final String PSEUDONYM = "Person-3F9A2C";
    static final String SCRIPT_TITLE = "<script>alert(1)</script>";
    static final String FORMULA = "=HYPERLINK(\"http://127.0.0.1/x\",\"y\")";
    static final String IMG_ONERROR = "<img src=x onerror=alert(1)>";

    static final String DETENTION = "Police in Almaty detained " + PSEUDONYM
            + ", who coordinates a local rights group, an hour after a picket outside the city hall.";
    static final String RAID = "Сотрудники полиции провели обыск в офисе общественного фонда «Открытый диалог-Пример»"
            + " и изъяли компьютеры; руководителя фонда вызвали на допрос.";
    static final String MARCH = "The city administration refused a request to hold a march for fair wages, citing"
            + " road works. " + IMG_ONERROR + " was pasted into the organisers' statement.";
    static final String FORMULA_TEXT = FORMULA + " turned up in a shared spreadsheet of the organisers.";

    private SampleUpdates() {
    }

    static UpdateDocument kazakhstan(boolean internal) {
        List<UpdateSection> sections = List.of(
                new UpdateSection(Freedom.ASSOCIATION, "Association", List.of(
                        new Development("inc-1", LocalDate.of(2026, 9, 5), DETENTION,
                                Set.of(ViolationType.HRD_DETAINED, ViolationType.JUDICIAL_HARASSMENT), List.of(1, 2)),
                        new Development("inc-2", LocalDate.of(2026, 10, 2), RAID,
                                Set.of(ViolationType.NGO_CLOSURE_OR_RAID), List.of(3)))),
                new UpdateSection(Freedom.PEACEFUL_ASSEMBLY, "Peaceful Assembly", List.of(
                        new Development("inc-3", LocalDate.of(2026, 9, 20), MARCH,
                                Set.of(ViolationType.PROTEST_BANNED_OR_DISRUPTED), List.of(2)),
                        new Development("inc-4", LocalDate.of(2026, 10, 14), FORMULA_TEXT,
                                Set.of(ViolationType.INTIMIDATION_THREATS), List.of(4)))),
                new UpdateSection(Freedom.EXPRESSION, "Expression", List.of()));
        List<Footnote> footnotes = List.of(
                new Footnote(1, "Rights coordinator held after picket", "Example Daily",
                        "https://news.example.org/2026/09/picket", LocalDate.of(2026, 9, 5)),
                new Footnote(2, SCRIPT_TITLE, "Partner monitor", null, LocalDate.of(2026, 9, 6)),
                new Footnote(3, "Обыск в офисе фонда", "Пример Медиа",
                        "https://media.example.ru/news/obysk", LocalDate.of(2026, 10, 2)),
                new Footnote(4, FORMULA, "@organisers", "javascript:alert(1)", LocalDate.of(2026, 10, 15)));
        List<MonthlyCount> chart = List.of(
                new MonthlyCount(YearMonth.of(2026, 9), 5, Map.of(Freedom.ASSOCIATION, 3,
                        Freedom.PEACEFUL_ASSEMBLY, 2, Freedom.EXPRESSION, 1)),
                new MonthlyCount(YearMonth.of(2026, 10), 6, Map.of(Freedom.ASSOCIATION, 1,
                        Freedom.EXPRESSION, 4)));
        return new UpdateDocument("upd-1", "KZ", "Kazakhstan", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 31),
                CivicusRating.REPRESSED, UpdateStatus.DRAFT, 2, internal,
                "Defender detained; march refused; NGO office searched",
                "Between September and October 2026 we recorded four developments in Kazakhstan, two more than"
                        + " in the previous two months.\n\nThe country remains rated repressed.",
                sections, footnotes, chart, "editor-7", Instant.parse("2026-11-20T09:30:00Z"));
    }
}
