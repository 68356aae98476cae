package org.civicspace.ingest.adapter.in.web;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.civicspace.events.Freedom;
import org.civicspace.events.PersonRole;
import org.civicspace.events.Sensitivity;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a batch body — NDJSON, one report object a line, or CSV with a header row — into one
 * {@link BatchLine} per report. A line that cannot be read becomes an error on that line and
 * never stops the others.
 */
class BatchReader {

    /** The CSV columns, by their header names; {@code freedoms} and {@code persons} hold lists. */
    static final List<String> CSV_COLUMNS = List.of("title", "text", "language", "occurredAt", "place",
            "partnerReference", "sourceUrl", "sensitivity", "country", "freedoms", "persons");

    private final JsonMapper json;

    BatchReader(JsonMapper json) {
        this.json = json;
    }

    List<BatchLine> ndjson(String body) {
        List<BatchLine> lines = new ArrayList<>();
        String[] physical = body.split("\r?\n", -1);
        for (int i = 0; i < physical.length; i++) {
            String line = physical[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                lines.add(BatchLine.read(i + 1, json.readValue(line, ReportRequest.class)));
            } catch (JacksonException unreadable) {
                lines.add(BatchLine.unreadable(i + 1, "(line)", "not a report object: " + unreadable.getOriginalMessage()));
            }
        }
        return lines;
    }

    /**
     * CSV with a header row naming some of {@link #CSV_COLUMNS}; {@code freedoms} is a list
     * separated by {@code ;}, and {@code persons} is {@code name|role|public-or-protected}
     * separated by {@code ;} (a person is protected unless the cell says {@code public}).
     * An unknown column is refused for the whole batch: it is a mistake in every line.
     */
    List<BatchLine> csv(String body) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            Set<String> unknown = new LinkedHashSet<>(parser.getHeaderNames());
            unknown.removeAll(CSV_COLUMNS);
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("unknown CSV column(s) " + unknown + "; the columns are "
                        + String.join(", ", CSV_COLUMNS));
            }
            List<BatchLine> lines = new ArrayList<>();
            for (CSVRecord record : parser) {
                // the header is line 1; a record's number counts data records from 1
                int line = (int) record.getRecordNumber() + 1;
                try {
                    lines.add(BatchLine.read(line, fromCsv(record)));
                } catch (IllegalArgumentException | DateTimeParseException invalid) {
                    lines.add(BatchLine.unreadable(line, "(row)", invalid.getMessage()));
                }
            }
            return lines;
        } catch (IOException | UncheckedIOException | IllegalStateException malformed) {
            throw new IllegalArgumentException("the CSV is malformed: " + malformed.getMessage());
        }
    }

    private static ReportRequest fromCsv(CSVRecord record) {
        String country = cell(record, "country");
        String freedoms = cell(record, "freedoms");
        String occurredAt = cell(record, "occurredAt");
        String sensitivity = cell(record, "sensitivity");
        ReportRequest.HintsRequest hints = country == null && freedoms == null ? null
                : new ReportRequest.HintsRequest(country, freedoms == null ? null
                        : Arrays.stream(freedoms.split(";")).map(String::strip).filter(f -> !f.isEmpty())
                                .map(Freedom::fromWire).collect(Collectors.toSet()));
        return new ReportRequest(cell(record, "title"), cell(record, "text"), cell(record, "language"),
                occurredAt == null ? null : Instant.parse(occurredAt), cell(record, "place"),
                cell(record, "partnerReference"), cell(record, "sourceUrl"),
                sensitivity == null ? null : Sensitivity.fromWire(sensitivity), hints, persons(cell(record, "persons")));
    }

    private static List<ReportRequest.PersonRequest> persons(String cell) {
        if (cell == null) {
            return null;
        }
        List<ReportRequest.PersonRequest> persons = new ArrayList<>();
        for (String entry : cell.split(";")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.split("\\|", -1);
            String role = parts.length > 1 ? parts[1].strip() : "";
            String flag = parts.length > 2 ? parts[2].strip() : "";
            if (!flag.isEmpty() && !flag.equals("public") && !flag.equals("protected")) {
                throw new IllegalArgumentException("persons: '" + flag + "' is neither public nor protected");
            }
            persons.add(new ReportRequest.PersonRequest(parts[0].strip(),
                    role.isEmpty() ? null : PersonRole.fromWire(role), !flag.equals("public")));
        }
        return persons;
    }

    private static String cell(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value.isBlank() ? null : value;
    }
}
