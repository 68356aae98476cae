package org.civicspace.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.civicspace.events.Contract.Event;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The examples are valid, complete and read by the records exactly as written. */
class ExamplesTest {

    @TestFactory
    Stream<DynamicTest> everyExampleValidatesAgainstItsSchema() {
        return Contract.examples().stream().map(example -> dynamicTest(name(example), () ->
                assertThat(Contract.validate(Contract.eventOf(example), Contract.read(example))).isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> everyExampleRoundTripsThroughItsRecordUnchanged() {
        return Contract.examples().stream().map(example -> dynamicTest(name(example), () -> {
            Event event = Contract.eventOf(example);
            Record record = Contract.JSON.readValue(Contract.read(example), event.type());

            String written = Contract.JSON.writeValueAsString(record);

            assertThat(Contract.canonical(Contract.JSON.readTree(written)))
                    .isEqualTo(Contract.canonical(Contract.tree(example)));
            assertThat(Contract.validate(event, written)).isEmpty();
            assertThat(Contract.JSON.readValue(written, event.type())).isEqualTo(record);
        }));
    }

    @Test
    void everyEventHasAnExample() {
        List<String> covered = Contract.examples().stream().map(e -> Contract.eventOf(e).stem()).toList();

        assertThat(covered).containsAll(Contract.EVENTS.stream().map(Event::stem).toList());
    }

    @TestFactory
    Stream<DynamicTest> everyEvidenceSpanQuotesItsReport() {
        return Contract.examples().stream()
                .filter(example -> Contract.eventOf(example).type() == ReportClassified.class)
                .map(example -> dynamicTest(name(example), () -> {
                    ReportClassified event = Contract.JSON.readValue(Contract.read(example), ReportClassified.class);
                    for (Tag tag : event.classification().tags()) {
                        for (Evidence evidence : tag.evidence()) {
                            String field = evidence.field().equals("title")
                                    ? event.report().title() : event.report().text();
                            assertThat(field.substring(evidence.start(), evidence.end()))
                                    .as("%s %s evidence in %s", tag.kind(), tag.value(), evidence.field())
                                    .isEqualTo(evidence.words());
                        }
                    }
                }));
    }

    @Test
    void examplesIncludeAConfidentialReportWithAProtectedPerson() {
        // Other modules' do-no-harm tests start from this example; it must not quietly disappear.
        List<ReportReceived> received = Contract.examples().stream()
                .filter(example -> Contract.eventOf(example).type() == ReportReceived.class)
                .map(example -> Contract.JSON.readValue(Contract.read(example), ReportReceived.class))
                .toList();

        assertThat(received).anySatisfy(event -> {
            assertThat(event.sensitivity()).isEqualTo(Sensitivity.CONFIDENTIAL);
            assertThat(event.report().persons()).anyMatch(Person::isProtected);
        });
    }

    private static String name(Path example) {
        return example.getFileName().toString();
    }
}
