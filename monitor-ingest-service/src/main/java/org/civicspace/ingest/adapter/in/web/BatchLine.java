package org.civicspace.ingest.adapter.in.web;

import java.util.List;
import java.util.Map;

/**
 * One report of a batch as read from the body: its line, and either the request or why it could
 * not be read.
 */
record BatchLine(int line, ReportRequest request, List<Map<String, String>> errors) {

    static BatchLine read(int line, ReportRequest request) {
        return new BatchLine(line, request, List.of());
    }

    static BatchLine unreadable(int line, String field, String message) {
        return new BatchLine(line, null, List.of(Map.of("field", field, "message", message)));
    }
}
