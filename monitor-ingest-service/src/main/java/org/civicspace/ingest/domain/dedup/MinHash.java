package org.civicspace.ingest.domain.dedup;

import java.util.Arrays;
import java.util.List;

/**
 * Word shingles, their MinHash signature and its LSH band keys, by a fixed scheme: signatures
 * are stored and compared across restarts and machines, so every constant and every hash below
 * is part of {@link #SCHEME}. Change any of them and the scheme's name must change too; the
 * pinned band keys in the tests will say so.
 */
final class MinHash {

    /** Names this scheme in stored signatures; band keys of different schemes never meet. */
    static final String SCHEME = "minhash-v1";
    static final int SHINGLE_WORDS = 4;
    static final int HASHES = 128;
    static final int BANDS = 32;
    static final int ROWS = HASHES / BANDS;
    /**
     * The seed of scheme v1. The 128 hash seeds are the first 128 outputs of SplitMix64 started
     * here, and band keys are salted with it, so two JVMs agree without sharing anything but
     * this number.
     */
    static final long SCHEME_SEED = 0x6369766963737031L; // "civicsp1" in ASCII

    private static final long[] SEEDS = splitMix64(SCHEME_SEED, HASHES);

    private MinHash() {
    }

    /** The distinct hashes of every run of {@link #SHINGLE_WORDS} consecutive words. */
    static long[] shingles(List<String> words) {
        int count = words.size() - SHINGLE_WORDS + 1;
        if (count <= 0) {
            return new long[0];
        }
        long[] wordHashes = words.stream().mapToLong(MinHash::fnv1a).toArray();
        long[] shingles = new long[count];
        for (int start = 0; start < count; start++) {
            long h = SCHEME_SEED;
            for (int i = start; i < start + SHINGLE_WORDS; i++) {
                h = mix(h ^ wordHashes[i]); // chained, so word order inside a shingle counts
            }
            shingles[start] = h;
        }
        return Arrays.stream(shingles).sorted().distinct().toArray();
    }

    /** For each seeded hash, the top 32 bits of its smallest value over the shingles. */
    static int[] sign(long[] shingles) {
        int[] signature = new int[HASHES];
        for (int i = 0; i < HASHES; i++) {
            long seed = SEEDS[i];
            long min = Long.MAX_VALUE;
            for (long shingle : shingles) {
                min = Math.min(min, mix(shingle ^ seed));
            }
            // 32 bits keep stored signatures small; two different minima of n shingles share them by
            // chance about n times in 2^33, once in twenty million for a 2 KB text
            signature[i] = (int) (min >>> 32);
        }
        return signature;
    }

    /** The share of positions where two signatures agree: an estimate of their shingles' Jaccard similarity. */
    static double similarity(List<Integer> a, List<Integer> b) {
        if (a.size() != HASHES || b.size() != HASHES) {
            return 0;
        }
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (a.get(i).intValue() == b.get(i).intValue()) {
                same++;
            }
        }
        return same / (double) HASHES;
    }

    /** One key per band of {@link #ROWS} rows: reports that agree on a whole band share its key. */
    static long[] bandKeys(int[] signature) {
        long[] keys = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long h = mix(SCHEME_SEED + band); // the band number keeps equal rows in different bands apart
            for (int row = band * ROWS; row < (band + 1) * ROWS; row++) {
                h = mix(h ^ Integer.toUnsignedLong(signature[row]));
            }
            keys[band] = h;
        }
        return keys;
    }

    /** A band key moved into a scope's own key space; the common scope (null) keeps the key as it is. */
    static long scoped(long bandKey, String scope) {
        return scope == null ? bandKey : mix(bandKey ^ fnv1a(scope));
    }

    /** The MurmurHash3 64-bit finaliser: a bijection that spreads every input bit over the output. */
    static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    private static long fnv1a(String word) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < word.length(); i++) {
            h ^= word.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    private static long[] splitMix64(long seed, int count) {
        long[] out = new long[count];
        long state = seed;
        for (int i = 0; i < count; i++) {
            state += 0x9e3779b97f4a7c15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            out[i] = z ^ (z >>> 31);
        }
        return out;
    }
}
