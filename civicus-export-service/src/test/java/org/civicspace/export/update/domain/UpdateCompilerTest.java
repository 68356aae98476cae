package org.civicspace.export.update.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.civicspace.export.update.domain.Sources.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.civicspace.events.CivicusRating;
import org.civicspace.events.Freedom;
import org.civicspace.events.PersonRole;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Source;
import org.civicspace.events.Urgency;
import org.civicspace.events.ViolationType;
import org.civicspace.export.domain.ArchivedReport;
import org.junit.jupiter.api.Test;

class UpdateCompilerTest {

    static final Pseudonyms PSEUDONYMS = new Pseudonyms("a-test-secret-of-some-length");
    static final Instant NOW = Instant.parse("2026-11-01T08:00:00Z");
    static final UpdateRequest OCTOBER = new UpdateRequest("KZ", LocalDate.parse("2026-10-01"),
            LocalDate.parse("2026-10-31"), false);

    final UpdateCompiler compiler = new UpdateCompiler(PSEUDONYMS, Map.of("feed-1", "Steppe News"));

    @Test
    void makesOneDevelopmentOfAnIncidentWithAllItsSourcesAsFootnotes() {
        List<ArchivedReport> reports = List.of(
                report("r-3", "2026-10-12T09:00:00Z").title("Third outlet on the arrest").archived(),
                report("r-1", "2026-10-10T09:00:00Z").title("Activists held after picket").archived(),
                report("r-2", "2026-10-11T09:00:00Z").title("Second outlet on the arrest").archived(),
                report("r-9", "2026-10-05T09:00:00Z").title("Newspaper closed").freedoms(Freedom.EXPRESSION)
                        .violations(ViolationType.CENSORSHIP).archived());
        UpdateDocument update = compile(OCTOBER, reports, Map.of("r-1", "inc-7", "r-2", "inc-7", "r-3", "inc-7"));

        Development arrest = section(update, Freedom.PEACEFUL_ASSEMBLY).developments().get(0);
        assertThat(section(update, Freedom.PEACEFUL_ASSEMBLY).developments()).hasSize(1);
        assertThat(arrest.id()).isEqualTo("inc-7");
        assertThat(arrest.date()).isEqualTo(LocalDate.parse("2026-10-10"));
        assertThat(arrest.text()).startsWith("10 October 2026, Almaty: protesters detained.")
                .contains("Reported as \u201cActivists held after picket\u201d").contains("3 sources");
        assertThat(arrest.footnotes()).containsExactly(1, 2, 3);
        assertThat(update.footnotes()).extracting(Footnote::title).containsExactly("Activists held after picket",
                "Second outlet on the arrest", "Third outlet on the arrest", "Newspaper closed");
        assertThat(update.footnotes().get(0).publisher()).isEqualTo("Steppe News");
        assertThat(update.footnotes().get(0).url()).isEqualTo("https://news.example/r-1");
        assertThat(update.footnotes().get(0).date()).isEqualTo(LocalDate.parse("2026-10-10"));
        assertThat(section(update, Freedom.EXPRESSION).developments()).extracting(Development::id)
                .containsExactly("r-9");
        assertThat(section(update, Freedom.EXPRESSION).developments().get(0).footnotes()).containsExactly(4);
        assertThat(section(update, Freedom.ASSOCIATION).developments()).isEmpty();
        assertThat(update.sections()).extracting(UpdateSection::title)
                .containsExactly("Association", "Peaceful Assembly", "Expression");
    }

    @Test
    void putsADevelopmentInEachSectionItConcernsInDateOrder() {
        List<ArchivedReport> reports = List.of(
                report("r-late", "2026-10-20T09:00:00Z").freedoms(Freedom.ASSOCIATION, Freedom.EXPRESSION)
                        .violations(ViolationType.NGO_CLOSURE_OR_RAID).archived(),
                report("r-early", "2026-10-02T09:00:00Z").freedoms(Freedom.ASSOCIATION)
                        .violations(ViolationType.FOREIGN_AGENT_LABEL).archived(),
                report("r-dup", "2026-10-21T09:00:00Z").duplicateOf("r-late").freedoms(Freedom.ASSOCIATION).archived());
        UpdateDocument update = compile(OCTOBER, reports, Map.of());

        assertThat(section(update, Freedom.ASSOCIATION).developments()).extracting(Development::id)
                .containsExactly("r-early", "r-late");
        assertThat(section(update, Freedom.EXPRESSION).developments()).extracting(Development::id)
                .containsExactly("r-late");
        assertThat(section(update, Freedom.ASSOCIATION).developments().get(1).footnotes())
                .as("the near-duplicate is a second source of the report it duplicates").containsExactly(2, 3);
        assertThat(section(update, Freedom.EXPRESSION).developments().get(0).footnotes()).containsExactly(2, 3);
        assertThat(update.footnotes()).hasSize(3);
    }

    @Test
    void chainsTheMostFrequentTagsIntoTheHeadline() {
        List<ArchivedReport> reports = List.of(
                report("a", "2026-10-02T09:00:00Z").violations(ViolationType.HRD_DETAINED).archived(),
                report("b", "2026-10-03T09:00:00Z").violations(ViolationType.HRD_DETAINED,
                        ViolationType.PROTEST_BANNED_OR_DISRUPTED).archived(),
                report("c", "2026-10-04T09:00:00Z").violations(ViolationType.PROTEST_BANNED_OR_DISRUPTED).archived(),
                report("d", "2026-10-05T09:00:00Z").violations(ViolationType.HRD_DETAINED,
                        ViolationType.JOURNALIST_ATTACKED).archived(),
                report("e", "2026-10-06T09:00:00Z").violations(ViolationType.CENSORSHIP).archived());
        assertThat(compile(OCTOBER, reports, Map.of()).headline())
                .isEqualTo("HRD detained; protest banned; journalist attacked");
    }

    @Test
    void introducesThePeriodTheRatingAndTheChangeFromThePreviousPeriod() {
        List<ArchivedReport> october = List.of(report("a", "2026-10-02T09:00:00Z").archived(),
                report("b", "2026-10-09T09:00:00Z").freedoms(Freedom.EXPRESSION).archived(),
                report("c", "2026-10-19T09:00:00Z").archived());
        List<ArchivedReport> september = List.of(report("s", "2026-09-12T09:00:00Z").archived());
        UpdateDocument update = compiler.compile("u-1", OCTOBER, new PeriodSources(october, Map.of()),
                new PeriodSources(september, Map.of()), CivicusRating.REPRESSED, "editor-1", NOW).document();

        assertThat(update.introduction()).contains("Kazakhstan from 1 October 2026 to 31 October 2026")
                .contains("rated repressed")
                .contains("3 developments recorded (association 0, peaceful assembly 2, expression 1)")
                .contains("(1 September 2026 to 30 September 2026): 1 development")
                .contains("2 more");
        assertThat(update.countryName()).isEqualTo("Kazakhstan");
        assertThat(update.rating()).isEqualTo(CivicusRating.REPRESSED);
        assertThat(update.status()).isEqualTo(UpdateStatus.DRAFT);
        assertThat(update.version()).isEqualTo(1);
        assertThat(update.editedBy()).isEqualTo("editor-1");
        assertThat(update.chart()).extracting(c -> c.month()).containsExactly(YearMonth.of(2026, 10));
        assertThat(update.chart().get(0).reports()).isEqualTo(3);
    }

    @Test
    void neverShowsConfidentialOrIrrelevantReportsAndRestrictedOnlyWhenInternal() {
        List<ArchivedReport> reports = List.of(
                report("pub", "2026-10-02T09:00:00Z").title("Public report").archived(),
                report("conf", "2026-10-03T09:00:00Z").title("Shelter of the Astana group")
                        .sensitivity(Sensitivity.CONFIDENTIAL).archived(),
                report("restr", "2026-10-04T09:00:00Z").title("Staff-only note").sensitivity(Sensitivity.RESTRICTED)
                        .archived(),
                report("noise", "2026-10-05T09:00:00Z").title("Football results").urgency(Urgency.NOT_RELEVANT)
                        .archived());
        UpdateVersion external = compiler.compile("u-1", OCTOBER, new PeriodSources(reports, Map.of()),
                new PeriodSources(List.of(), Map.of()), null, "editor-1", NOW);
        UpdateVersion internal = compiler.compile("u-2", new UpdateRequest("KZ", OCTOBER.from(), OCTOBER.to(), true),
                new PeriodSources(reports, Map.of()), new PeriodSources(List.of(), Map.of()), null, "editor-1", NOW);

        assertThat(texts(external.document())).noneMatch(t -> t.contains("Shelter") || t.contains("Staff-only")
                || t.contains("Football"));
        assertThat(external.restrictedSources()).isEmpty();
        assertThat(texts(internal.document())).noneMatch(t -> t.contains("Shelter") || t.contains("Football"));
        assertThat(internal.document().footnotes()).extracting(Footnote::title)
                .containsExactly("Public report", "[Restricted] Staff-only note");
        assertThat(section(internal.document(), Freedom.PEACEFUL_ASSEMBLY).developments().get(1).text())
                .startsWith("[Restricted] ");
        assertThat(internal.restrictedSources()).containsExactly("restr");
        assertThat(internal.document().introduction()).startsWith("INTERNAL");
    }

    @Test
    void namesProtectedPersonsOnlyByTheirPseudonymEverywhere() {
        String pseudonym = PSEUDONYMS.pseudonymOf("Maksim Ivanov");
        List<ArchivedReport> reports = List.of(
                report("r-1", "2026-10-02T09:00:00Z").title("Maksim Ivanov detained after the rally")
                        .url("https://news.example/2026/maksim-ivanov-detained")
                        .person("Maksim Ivanov", PersonRole.DEFENDER, true)
                        .person("Dana Public", PersonRole.LAWYER, false).archived(),
                report("r-2", "2026-10-03T09:00:00Z").title("Суд арестовал Максима Иванова").archived(),
                // the protection comes from a report the update cannot show
                report("r-3", "2026-10-04T09:00:00Z").title("Olga Sergeeva questioned again")
                        .source(Source.partner("partner-a")).archived(),
                report("r-4", "2026-10-05T09:00:00Z").sensitivity(Sensitivity.CONFIDENTIAL)
                        .person("Olga Sergeeva", PersonRole.JOURNALIST, true).archived());
        UpdateDocument update = compile(OCTOBER, reports, Map.of("r-1", "inc-1", "r-2", "inc-1"));

        assertThat(texts(update)).noneMatch(t -> t.contains("Ivanov") || t.contains("Иванов")
                || t.contains("Sergeeva") || t.contains("Maksim"));
        Development arrest = section(update, Freedom.PEACEFUL_ASSEMBLY).developments().get(0);
        assertThat(arrest.text()).contains("Reported as \u201c" + pseudonym + " detained after the rally\u201d")
                .contains("Concerns " + pseudonym + " (defender), Dana Public (lawyer).");
        assertThat(update.footnotes().get(0).url()).as("a link that spells the name is left out").isNull();
        assertThat(update.footnotes().get(1).title()).isEqualTo("Суд арестовал " + pseudonym);
        assertThat(update.footnotes().get(2).title()).isEqualTo(PSEUDONYMS.pseudonymOf("Olga Sergeeva") + " questioned again");
        assertThat(update.footnotes().get(2).publisher()).isEqualTo("a partner organisation");
    }

    @Test
    void namesANearDuplicateOfAHiddenReportByItsOwnId() {
        List<ArchivedReport> reports = List.of(
                report("r-hidden", "2026-10-02T09:00:00Z").sensitivity(Sensitivity.CONFIDENTIAL).archived(),
                report("r-copy", "2026-10-03T09:00:00Z").duplicateOf("r-hidden").archived());
        UpdateDocument update = compile(OCTOBER, reports, Map.of());

        assertThat(section(update, Freedom.PEACEFUL_ASSEMBLY).developments()).extracting(Development::id)
                .containsExactly("r-copy");
    }

    @Test
    void keepsOnlyWebLinks() {
        assertThat(UpdateCompiler.link("javascript:alert(1)")).isNull();
        assertThat(UpdateCompiler.link("data:text/html,<b>x</b>")).isNull();
        assertThat(UpdateCompiler.link("/relative")).isNull();
        assertThat(UpdateCompiler.link("https://news.example/a?b=c")).isEqualTo("https://news.example/a?b=c");
    }

    private UpdateDocument compile(UpdateRequest request, List<ArchivedReport> reports, Map<String, String> incidents) {
        return compiler.compile("u-1", request, new PeriodSources(reports, incidents),
                new PeriodSources(List.of(), Map.of()), CivicusRating.REPRESSED, "editor-1", NOW).document();
    }

    static UpdateSection section(UpdateDocument update, Freedom freedom) {
        return update.sections().stream().filter(s -> s.freedom() == freedom).findFirst().orElseThrow();
    }

    /** Every text of the update a reader sees. */
    static List<String> texts(UpdateDocument update) {
        return Stream.concat(Stream.of(update.headline(), update.introduction()),
                Stream.concat(update.sections().stream().flatMap(s -> s.developments().stream()).map(Development::text),
                        update.footnotes().stream().flatMap(f -> Stream.of(f.title(), f.publisher(),
                                String.valueOf(f.url())))))
                .toList();
    }
}
