package org.civicspace.export.update.render;

import org.civicspace.export.update.domain.UpdateDocument;

/**
 * Turns one version of an update into one export format. Every text of the document is plain
 * text: a renderer escapes or neutralises it for its format (no markup, script or formula from
 * a report survives). Implementations are Spring beans, found by {@link #format()}.
 */
public interface UpdateRenderer {

    /** The {@code format=} value that selects this renderer: md, html, docx, pdf, json or csv. */
    String format();

    /** The media type of what {@link #render} returns, e.g. {@code text/markdown; charset=UTF-8}. */
    String mediaType();

    /** The file name extension for a download, without the dot. */
    String extension();

    byte[] render(UpdateDocument document);
}
