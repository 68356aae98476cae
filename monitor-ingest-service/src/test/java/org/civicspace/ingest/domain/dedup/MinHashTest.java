package org.civicspace.ingest.domain.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

class MinHashTest {

    static final String TITLE = "Police detain editor of independent weekly";
    static final String TEXT = """
            Police detained the editor of an independent weekly on Tuesday, hours after the paper \
            published an investigation into the sale of municipal land. В редакции провели обыск \
            и изъяли ноутбуки, жёсткие диски и архив газеты; суд решит в четверг, оставить ли \
            редактора под стражей.""";

    /**
     * Signatures are stored and compared for weeks, across restarts and machines: if this test
     * fails, scheme {@value MinHash#SCHEME} has changed and its name must change with it.
     */
    @Test
    void signsAFixedTextToTheSameKeysOnEveryJvm() {
        Signature signature = new NearDuplicates(0.6).sign(TITLE, TEXT, "https://news.example/2026/03/editor-detained");

        assertThat(signature.scheme()).isEqualTo("minhash-v1");
        assertThat(signature.fingerprints()).containsExactly(
                // SHA-256 of "police detain editor of independent weekly\npolice detained the editor …"
                "text:86b52da1f51c0a4d3980cb8064f0ca786362cdc715c853e56093839157e269aa",
                "url:48f6491b8cb1268fe1ab8c25a28e1a11c801d1e57f2aa69b47f061368e92b968");
        assertThat(signature.minHash()).hasSize(128)
                .startsWith(-1865557397, -2061186797, -2038619359, -2133577824, -2092636045, -2087664094);
        assertThat(signature.bandKeys()).containsExactly(
                0x89dd5a89c1d6d886L, 0x2b7bf964e602d97dL, 0x33a340dd83968fceL, 0x5a8b12c7a3bf061dL,
                0xfca70aee1e15c608L, 0x86c713764da2a28bL, 0x7391fc5744fad431L, 0xed85c5972b2f3397L,
                0xd478194b5656e834L, 0x99a50dc4a67389eaL, 0x5884eaf1d2ef9c1bL, 0x508637e9fad7b395L,
                0x70d8e24ccb768c64L, 0x820da3eb5b101d06L, 0x77a1203747c80e98L, 0x13ebb3c5bc7942faL,
                0x0c77cfc164011ca6L, 0x43e7a46d7e6743cfL, 0xf756890156b53c0fL, 0xc685e06f990dfe1aL,
                0x140b05041226715bL, 0xdf3ac6ccb40af1deL, 0x33762f83df2271d4L, 0xd24e79c78112b198L,
                0x03f146ca78f1c4a4L, 0x7d4b6f6a0caaf1d5L, 0x05c86e92e828fddfL, 0xf5b8898f4c85ee7cL,
                0x0cc0e7681f6f3dd4L, 0x83bea90e5c6da0f5L, 0xf3c869b6acef3302L, 0xaeb97809969cae02L);
    }

    @Test
    void estimatesTheJaccardSimilarityOfTheShingles() {
        Random random = new Random(7);
        List<String> vocabulary = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            vocabulary.add("w" + i);
        }
        for (double keep : new double[] {0.3, 0.6, 0.8, 0.95}) {
            List<String> a = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                a.add(vocabulary.get(random.nextInt(vocabulary.size())));
            }
            List<String> b = new ArrayList<>();
            for (String word : a) {
                b.add(random.nextDouble() < keep ? word : vocabulary.get(random.nextInt(vocabulary.size())));
            }
            long[] shinglesA = MinHash.shingles(a);
            long[] shinglesB = MinHash.shingles(b);
            double estimate = MinHash.similarity(boxed(MinHash.sign(shinglesA)), boxed(MinHash.sign(shinglesB)));
            // three standard errors of a 128-hash estimate at worst (J = 0.5)
            assertThat(estimate).as("keeping %.2f of the words", keep).isCloseTo(jaccard(shinglesA, shinglesB), within(0.14));
        }
    }

    @Test
    void hasNoShinglesForFewerWordsThanAShingle() {
        assertThat(MinHash.shingles(List.of("three", "short", "words"))).isEmpty();
        assertThat(MinHash.shingles(List.of("a", "b", "c", "d"))).hasSize(1);
    }

    @Test
    void countsWordOrderInsideAShingle() {
        assertThat(MinHash.shingles(List.of("a", "b", "c", "d")))
                .isNotEqualTo(MinHash.shingles(List.of("d", "c", "b", "a")));
    }

    private static List<Integer> boxed(int[] signature) {
        return Arrays.stream(signature).boxed().toList();
    }

    private static double jaccard(long[] a, long[] b) {
        Set<Long> union = new HashSet<>();
        Set<Long> inA = new HashSet<>();
        for (long x : a) {
            union.add(x);
            inA.add(x);
        }
        int both = 0;
        for (long x : b) {
            if (inA.contains(x)) {
                both++;
            }
            union.add(x);
        }
        return both / (double) union.size();
    }
}
