package org.civicspace.ingest.domain.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** Inflates a gzip body only up to a limit, so that a small bomb costs no more than the limit. */
public final class BoundedGunzip {

    private BoundedGunzip() {
    }

    /**
     * The inflated bytes, or empty as soon as they would pass {@code maxBytes} (nothing beyond
     * the limit is inflated).
     *
     * @throws IOException if {@code gzip} is not valid gzip
     */
    public static Optional<byte[]> gunzip(byte[] gzip, long maxBytes) throws IOException {
        ByteArrayOutputStream inflated = new ByteArrayOutputStream((int) Math.min(gzip.length * 4L, 1 << 20));
        byte[] chunk = new byte[16 * 1024];
        long total = 0;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip), chunk.length)) {
            for (int n = in.read(chunk); n != -1; n = in.read(chunk)) {
                total += n;
                if (total > maxBytes) {
                    return Optional.empty();
                }
                inflated.write(chunk, 0, n);
            }
        }
        return Optional.of(inflated.toByteArray());
    }
}
