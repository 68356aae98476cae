package org.civicspace.export.update.adapter;

import java.util.function.Consumer;

import org.civicspace.events.IncidentChanged;
import org.civicspace.export.ExportProperties;
import org.civicspace.export.update.application.RecordIncidentService;
import org.springframework.stereotype.Component;

/**
 * The {@code recordIncident} function, bound as {@code recordIncident-in-0} to
 * {@code civic.alert.incident-changed.v1} (group {@code export}) in the service's YAML.
 */
@Component("recordIncident")
class IncidentChangedHandler implements Consumer<IncidentChanged> {

    private final RecordIncidentService incidents;
    private final ExportProperties properties;

    IncidentChangedHandler(RecordIncidentService incidents, ExportProperties properties) {
        this.incidents = incidents;
        this.properties = properties;
    }

    @Override
    public void accept(IncidentChanged event) {
        // blocking on the listener thread keeps the binder's retry and dead-letter topic in charge
        incidents.record(event).block(properties.archiveTimeout());
    }
}
