package org.civicspace.events;

/** Kafka topic names and message headers of the civicspace contract. */
public final class Topics {

    /** {@link ReportReceived}, keyed by report id: ingest → classification. */
    public static final String REPORT_RECEIVED = "civic.ingest.report-received.v1";

    /** {@link ReportClassified}, keyed by primary country: classification → alert, export. */
    public static final String REPORT_CLASSIFIED = "civic.classification.report-classified.v1";

    /** {@link AlertRaised}, keyed by country: alert → integrations and the UI. */
    public static final String ALERT_RAISED = "civic.alert.alert-raised.v1";

    /** {@link IncidentChanged}, keyed by country: alert → export (incidents as the unit of an update). */
    public static final String INCIDENT_CHANGED = "civic.alert.incident-changed.v1";

    /** Header carrying the report's {@link Sensitivity} wire name beside the payload. */
    public static final String SENSITIVITY_HEADER = "civic-sensitivity";

    private Topics() {
    }

    /** The dead-letter topic of a consumer group on a topic: {@code error.<topic>.<group>}. */
    public static String deadLetter(String topic, String group) {
        return "error." + topic + "." + group;
    }
}
