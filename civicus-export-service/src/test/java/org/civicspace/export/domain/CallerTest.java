package org.civicspace.export.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;

import org.civicspace.events.Classification;
import org.civicspace.events.Report;
import org.civicspace.events.Sensitivity;
import org.civicspace.events.Source;
import org.junit.jupiter.api.Test;

class CallerTest {

    static final ArchivedReport PUBLIC = archived(Sensitivity.PUBLIC, Source.partner("partner-a"));
    static final ArchivedReport RESTRICTED = archived(Sensitivity.RESTRICTED, Source.partner("partner-a"));
    static final ArchivedReport CONFIDENTIAL = archived(Sensitivity.CONFIDENTIAL, Source.partner("partner-a"));
    static final ArchivedReport FROM_A_FEED = archived(Sensitivity.PUBLIC, Source.feed("feed-1"));

    @Test
    void analystsAndEditorsSeePublicAndRestrictedButNotConfidentialReports() {
        for (String role : Set.of("analyst", "editor")) {
            Caller staff = new Caller("staff-1", Set.of(role));
            assertThat(staff.maySee(PUBLIC)).as(role).isTrue();
            assertThat(staff.maySee(RESTRICTED)).as(role).isTrue();
            assertThat(staff.maySee(CONFIDENTIAL)).as(role).isFalse();
        }
    }

    @Test
    void adminsSeeEverything() {
        Caller admin = new Caller("admin-1", Set.of("admin"));
        assertThat(Set.of(PUBLIC, RESTRICTED, CONFIDENTIAL, FROM_A_FEED)).allMatch(admin::maySee);
    }

    @Test
    void aPartnerSeesAllTheirOwnReportsAndNobodyElses() {
        Caller submitter = new Caller("partner-a", Set.of("partner"));
        Caller otherPartner = new Caller("partner-b", Set.of("partner"));

        assertThat(Set.of(PUBLIC, RESTRICTED, CONFIDENTIAL)).allMatch(submitter::maySee);
        assertThat(submitter.maySee(FROM_A_FEED)).isFalse();
        assertThat(Set.of(PUBLIC, RESTRICTED, CONFIDENTIAL, FROM_A_FEED)).noneMatch(otherPartner::maySee);
    }

    @Test
    void theSubmittersNameAloneIsNotEnoughWithoutThePartnerRole() {
        Caller sameNameNoRole = new Caller("partner-a", Set.of("advocacy"));
        assertThat(sameNameNoRole.maySee(CONFIDENTIAL)).isFalse();
    }

    @Test
    void onlyReadsOfRestrictedAndConfidentialReportsAreAudited() {
        assertThat(PUBLIC.readsAreAudited()).isFalse();
        assertThat(RESTRICTED.readsAreAudited()).isTrue();
        assertThat(CONFIDENTIAL.readsAreAudited()).isTrue();
    }

    private static ArchivedReport archived(Sensitivity sensitivity, Source source) {
        Report report = new Report("t", "x", "en", null, null, null, null, null, null);
        Classification classification = new Classification("en", "KZ", null, null, null, null, null, "test");
        return new ArchivedReport("r-1", sensitivity, source, report, classification, null, Instant.EPOCH);
    }
}
