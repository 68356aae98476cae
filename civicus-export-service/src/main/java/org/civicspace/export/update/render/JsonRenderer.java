package org.civicspace.export.update.render;

import org.civicspace.export.update.domain.UpdateDocument;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** The update's structure as JSON ({@link UpdateJson}), the same shape the API answers with. */
@Component
class JsonRenderer implements UpdateRenderer {

    private final JsonMapper json;

    JsonRenderer(JsonMapper json) {
        this.json = json;
    }

    @Override
    public String format() {
        return "json";
    }

    @Override
    public String mediaType() {
        return "application/json";
    }

    @Override
    public String extension() {
        return "json";
    }

    @Override
    public byte[] render(UpdateDocument document) {
        return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(UpdateJson.of(document));
    }
}
