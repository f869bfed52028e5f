package org.trafficsafety.pipeline.spool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

    @TempDir
    Path dir;

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-24T06:00:00Z"), ZoneOffset.UTC);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> drain(Spool spool) throws IOException {
        List<String> out = new ArrayList<>();
        for (Optional<SpoolEntry> e = spool.peekOldest(); e.isPresent(); e = spool.peekOldest()) {
            out.add(new String(e.get().payload(), StandardCharsets.UTF_8));
            spool.acknowledge(e.get().sequence());
        }
        return out;
    }

    @Test
    void shouldReplayBatchesInAppendOrderAndForgetAcknowledgedOnes() throws Exception {
        try (Spool spool = Spool.open(dir, SpoolLimits.DEFAULTS, clock)) {
            spool.append("test/1", bytes("a"));
            spool.append("test/1", bytes("b"));
            spool.append("test/1", bytes("c"));
            assertThat(spool.depth()).isEqualTo(3);
            SpoolEntry first = spool.peekOldest().orElseThrow();
            assertThat(first.kind()).isEqualTo("test/1");
            assertThat(first.appendedAtMs()).isEqualTo(clock.millis());
            assertThat(drain(spool)).containsExactly("a", "b", "c");
            assertThat(spool.depth()).isZero();
            assertThat(spool.bytes()).isZero();
        }
        try (var files = Files.list(dir)) {
            assertThat(files.filter(f -> f.toString().endsWith(".batch"))).isEmpty();
        }
    }

    @Test
    void shouldKeepBatchesAcrossRestartAndContinueTheSequence() throws Exception {
        try (Spool spool = Spool.open(dir, SpoolLimits.DEFAULTS, clock)) {
            spool.append("test/1", bytes("a"));
            spool.append("test/1", bytes("b"));
            spool.acknowledge(spool.peekOldest().orElseThrow().sequence());
        }
        try (Spool reopened = Spool.open(dir, SpoolLimits.DEFAULTS, clock)) {
            assertThat(reopened.depth()).isEqualTo(1);
            assertThat(reopened.oldestAppendedAtMs()).hasValue(clock.millis());
            reopened.append("test/1", bytes("c"));
            assertThat(drain(reopened)).containsExactly("b", "c");
        }
    }

    @Test
    void shouldDiscardAHalfWrittenTemporaryFileLeftByACrash() throws Exception {
        Files.createDirectories(dir);
        Files.write(dir.resolve("00000000000000000007.batch.tmp"), new byte[] {1, 2, 3});
        try (Spool spool = Spool.open(dir, SpoolLimits.DEFAULTS, clock)) {
            assertThat(spool.depth()).isZero();
            assertThat(Files.exists(dir.resolve("00000000000000000007.batch.tmp"))).isFalse();
        }
    }

    @Test
    void shouldRefuseASecondOpenOfTheSameDirectory() throws Exception {
        try (Spool spool = Spool.open(dir, SpoolLimits.DEFAULTS, clock)) {
            assertThatThrownBy(() -> Spool.open(dir, SpoolLimits.DEFAULTS, clock))
                    .isInstanceOf(IOException.class).hasMessageContaining("in use");
        }
    }

    @Nested
    class WhenDamagedOrFull {

        @Test
        void shouldQuarantineARecordWhoseChecksumFailsAndGoOnWithTheNext() throws Exception {
            try (Spool spool = Spool.open(dir, SpoolLimits.DEFAULTS, clock)) {
                long bad = spool.append("test/1", bytes("damaged"));
                spool.append("test/1", bytes("fine"));
                Path file = dir.resolve(String.format("%020d.batch", bad));
                byte[] content = Files.readAllBytes(file);
                content[content.length / 2] ^= 0x40;
                Files.write(file, content);

                assertThat(drain(spool)).containsExactly("fine");
                assertThat(spool.corruptCount()).isEqualTo(1);
                assertThat(dir.resolve("corrupt").resolve(file.getFileName())).exists();
            }
        }

        @Test
        void shouldRefuseWithTheNumbersWhenTheBatchLimitIsReached() throws Exception {
            Clock later = Clock.offset(clock, java.time.Duration.ofSeconds(42));
            try (Spool spool = Spool.open(dir, new SpoolLimits(2, 1 << 20), clock)) {
                spool.append("test/1", bytes("a"));
                spool.append("test/1", bytes("b"));
                spool.close();
                try (Spool full = Spool.open(dir, new SpoolLimits(2, 1 << 20), later)) {
                    assertThatThrownBy(() -> full.append("test/1", bytes("c")))
                            .isInstanceOf(SpoolFullException.class)
                            .hasMessageContaining("2/2 batches")
                            .hasMessageContaining("oldest 42 s");
                    assertThat(full.refusedCount()).isEqualTo(1);
                    assertThat(full.depth()).isEqualTo(2);
                }
            }
        }

        @Test
        void shouldRefuseABatchThatWouldExceedTheByteLimit() throws Exception {
            try (Spool spool = Spool.open(dir, new SpoolLimits(100, 100), clock)) {
                assertThatThrownBy(() -> spool.append("test/1", new byte[200]))
                        .isInstanceOf(SpoolFullException.class).hasMessageContaining("/100 bytes");
            }
        }

        @Test
        void shouldMoveAQuarantinedBatchOutOfTheReplayOrder() throws Exception {
            try (Spool spool = Spool.open(dir, SpoolLimits.DEFAULTS, clock)) {
                long poison = spool.append("test/1", bytes("poison"));
                spool.append("test/1", bytes("next"));
                spool.quarantine(poison);
                assertThat(drain(spool)).containsExactly("next");
                assertThat(dir.resolve("rejected").resolve(String.format("%020d.batch", poison))).exists();
            }
        }
    }
}
