package org.trafficsafety.pipeline.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class SpoolRecordProperties {

    private static byte[] record(String kind, byte[] payload) throws Exception {
        Path dir = Files.createTempDirectory("spool-prop");
        try (Spool spool = Spool.open(dir, SpoolLimits.DEFAULTS, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))) {
            long sequence = spool.append(kind, payload);
            return Files.readAllBytes(dir.resolve(String.format("%020d.batch", sequence)));
        }
    }

    @Property(tries = 200, seed = "20261124")
    void anyPayloadReadsBackExactly(@ForAll @StringLength(min = 1, max = 40) String kind, @ForAll @Size(max = 2000) byte[] payload)
            throws Exception {
        Optional<SpoolEntry> entry = Spool.decode(9, record(kind, payload));
        assertThat(entry).isPresent();
        assertThat(entry.get().kind()).isEqualTo(kind);
        assertThat(entry.get().payload()).isEqualTo(payload);
    }

    @Property(tries = 200, seed = "20261124")
    void aTruncatedRecordIsNeverReadAsABatch(@ForAll @Size(min = 1, max = 500) byte[] payload, @ForAll @IntRange(min = 0, max = 10_000) int cut)
            throws Exception {
        byte[] record = record("test/1", payload);
        byte[] truncated = Arrays.copyOf(record, cut % record.length);
        assertThat(Spool.decode(1, truncated)).isEmpty();
    }

    @Property(tries = 200, seed = "20261124")
    void aFlippedBitIsAlwaysDetected(@ForAll @Size(min = 1, max = 500) byte[] payload, @ForAll @IntRange(min = 0, max = 1_000_000) int position,
            @ForAll @IntRange(min = 0, max = 7) int bit) throws Exception {
        byte[] record = record("test/1", payload);
        record[position % record.length] ^= (byte) (1 << bit);
        assertThat(Spool.decode(1, record)).isEmpty();
    }
}
