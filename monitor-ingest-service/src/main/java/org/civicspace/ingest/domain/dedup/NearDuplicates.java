package org.civicspace.ingest.domain.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether a report repeats one seen before: exactly (same normalised title and text,
 * or same item URL) or nearly (the same story retold, by the Jaccard similarity of its
 * 4-word shingles, estimated by MinHash).
 */
public final class NearDuplicates {

    /**
     * A republication with its own headline, a line of intro and outro and light edits measures
     * about 0.8 against the agency's copy but only about 0.7 against another outlet's copy, and
     * the agency's own copy is often never ingested; a follow-up that reuses the background
     * measures under 0.2 and a different story on the same topic under 0.01. 0.6 sits below
     * the republications by more than twice MinHash's standard error (0.04 with 128 hashes).
     */
    public static final double DEFAULT_THRESHOLD = 0.6;

    /**
     * Texts with fewer shingles only ever match exactly. One changed word changes up to four
     * shingles, so below this size a single edit already drops the similarity under any useful
     * threshold, while two short reports that differ in just a name or a place (another
     * activist detained in the same city) would look alike: similarity cannot tell an edit
     * from a different event there.
     */
    public static final int MIN_SHINGLES = 20;

    private static final Comparator<KnownReport> EARLIEST = Comparator.comparing(KnownReport::firstSeenAt)
            .thenComparing(KnownReport::reportId);

    private final double threshold;

    /** @param threshold the estimated Jaccard similarity from which a report is a near-duplicate, in (0, 1] */
    public NearDuplicates(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("the threshold must be in (0, 1], not " + threshold);
        }
        this.threshold = threshold;
    }

    /**
     * Signs a report's title and text; {@code normalisedUrl} (null when there is none) only where
     * the URL identifies the item itself, such as a feed item's link — never a source a partner
     * cites, which two different reports may share.
     */
    public Signature sign(String title, String text, String normalisedUrl) {
        return sign(title, text, normalisedUrl, null);
    }

    /**
     * Signs a report within a {@code scope}: reports of different scopes share no fingerprint, no
     * band key and no scheme, so they never match, nor even meet as candidates. A report that
     * must not be named as the first telling of a story that others can read (a confidential
     * one) is signed in a scope of its own kind. Null is the common scope, that of feed items and
     * public reports.
     */
    public Signature sign(String title, String text, String normalisedUrl, String scope) {
        List<String> titleWords = TextNormaliser.words(title);
        List<String> textWords = TextNormaliser.words(text);
        String prefix = scope == null ? "" : scope + "|";
        List<String> fingerprints = new ArrayList<>(2);
        fingerprints.add(prefix + Fingerprints.ofContent(String.join(" ", titleWords) + "\n" + String.join(" ", textWords)));
        if (normalisedUrl != null && !normalisedUrl.isBlank()) {
            fingerprints.add(prefix + Fingerprints.ofUrl(normalisedUrl));
        }
        String scheme = scope == null ? MinHash.SCHEME : MinHash.SCHEME + "@" + scope;
        List<String> words = new ArrayList<>(titleWords.size() + textWords.size());
        words.addAll(titleWords);
        words.addAll(textWords);
        long[] shingles = MinHash.shingles(words);
        if (shingles.length < MIN_SHINGLES) {
            return new Signature(scheme, fingerprints, List.of(), List.of());
        }
        int[] minHash = MinHash.sign(shingles);
        return new Signature(scheme, fingerprints, Arrays.stream(minHash).boxed().toList(),
                Arrays.stream(MinHash.bandKeys(minHash)).map(key -> MinHash.scoped(key, scope)).boxed().toList());
    }

    /**
     * Judges a report against reports seen before it (the candidates an index found; any
     * others are simply not matches). A report judged before keeps its verdict, so that a
     * redelivered report is not taken for a copy of itself.
     */
    public Verdict judge(String reportId, Signature signature, Collection<KnownReport> earlier) {
        Optional<KnownReport> itself = earlier.stream().filter(known -> known.reportId().equals(reportId)).findFirst();
        if (itself.isPresent()) {
            String first = itself.get().duplicateOf();
            return first == null ? Verdict.NEW : Verdict.nearDuplicateOf(first);
        }
        Optional<KnownReport> copied = earlier.stream()
                .filter(known -> known.signature().fingerprints().stream().anyMatch(signature.fingerprints()::contains))
                .min(EARLIEST);
        if (copied.isPresent()) {
            return Verdict.exactDuplicateOf(copied.get().reportId());
        }
        if (!signature.comparable()) {
            return Verdict.NEW;
        }
        return earlier.stream()
                .filter(known -> known.signature().scheme().equals(signature.scheme()))
                .filter(known -> similarity(signature, known.signature()) >= threshold)
                .min(EARLIEST)
                .map(first -> Verdict.nearDuplicateOf(first.story()))
                .orElse(Verdict.NEW);
    }

    /** The estimated Jaccard similarity of two signed reports' shingles; 0 when either is too short to compare. */
    public static double similarity(Signature a, Signature b) {
        return MinHash.similarity(a.minHash(), b.minHash());
    }
}
