package org.civicspace.export.update.application;

import org.civicspace.export.update.domain.UpdateDocument;

import reactor.core.publisher.Mono;

/** Tells a country's editors that a draft waits for them: which country and period, and where — never what it says. */
public interface EditorNotifier {

    Mono<Void> draftReady(UpdateDocument draft);
}
