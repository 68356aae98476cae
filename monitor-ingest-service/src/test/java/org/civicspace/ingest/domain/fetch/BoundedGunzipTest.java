package org.civicspace.ingest.domain.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

class BoundedGunzipTest {

    @Test
    void inflatesABodyWithinTheLimit() throws IOException {
        byte[] text = "<rss><channel><title>Новости</title></channel></rss>".getBytes(StandardCharsets.UTF_8);

        assertThat(BoundedGunzip.gunzip(gzip(text), text.length)).hasValueSatisfying(
                inflated -> assertThat(inflated).isEqualTo(text));
    }

    @Test
    void stopsAtTheLimit() throws IOException {
        byte[] zeros = new byte[1 << 20];

        assertThat(BoundedGunzip.gunzip(gzip(zeros), zeros.length - 1)).isEmpty();
    }

    @Test
    void rejectsWhatIsNotGzip() {
        assertThatThrownBy(() -> BoundedGunzip.gunzip("<rss/>".getBytes(StandardCharsets.UTF_8), 1000))
                .isInstanceOf(IOException.class);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bytes);
        }
        return out.toByteArray();
    }
}
