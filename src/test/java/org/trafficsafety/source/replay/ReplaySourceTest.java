package org.trafficsafety.source.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.MapData;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageListener;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.message.Psm;
import org.trafficsafety.message.RejectReason;
import org.trafficsafety.message.Spat;
import org.trafficsafety.message.VruType;
import org.trafficsafety.store.archive.ArchiveSettings;
import org.trafficsafety.store.archive.LocalArchiveStore;
import org.trafficsafety.store.archive.ObjectMetadata;
import org.trafficsafety.store.parquet.RawParquetWriter;
import org.trafficsafety.store.parquet.WrittenFile;

class ReplaySourceTest {

    private static final Instant T0 = Instant.parse("2026-11-24T23:50:00Z");

    @TempDir
    Path temp;
    private Path parquet;

    private static class Collector implements MessageListener {
        final List<Message> messages = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(Message message) {
            messages.add(message);
        }

        @Override
        public void onRejected(MessageType type, RejectReason reason, String detail) {
            throw new AssertionError("replay rejected a message: " + reason + " " + detail);
        }
    }

    /** A clock that only moves when the test's sleeper sleeps. */
    private static final class ManualClock extends Clock {
        final AtomicLong ms = new AtomicLong(1_000_000);

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(ms.get());
        }
    }

    static Bsm bsm(long id, Instant t) {
        return new Bsm(id, 0, 0, t.toEpochMilli(), t.toEpochMilli(), 38.9, -77.2, 0, 5, 90, 0, 0, 0, 0, 4.8, 1.9, "t");
    }

    static Psm psm(long id, Instant t) {
        return new Psm(id, 0, 0, t.toEpochMilli(), t.toEpochMilli(), VruType.PEDESTRIAN, 38.9, -77.2, 0, 1, 0, "t");
    }

    static MapData map(Instant t) {
        return new MapData(t.toEpochMilli(), t.toEpochMilli(), 1, List.of());
    }

    static Spat spat(Instant t) {
        return new Spat(t.toEpochMilli(), t.toEpochMilli(), List.of());
    }

    /** Event times around midnight and across several 10-minute windows; some outside [T0, T0 + 20 min). */
    private final List<Message> archived = List.of(
            bsm(1, T0.minusSeconds(1)), bsm(2, T0), bsm(3, T0.plusSeconds(700)), bsm(4, T0.plusSeconds(1199)),
            bsm(5, T0.plusSeconds(1200)),
            psm(10, T0.plusSeconds(5)), psm(11, T0.plusSeconds(600)), psm(12, T0.plusSeconds(601)),
            map(T0), map(T0.plusSeconds(650)),
            spat(T0.plusSeconds(5)), spat(T0.plusSeconds(599)), spat(T0.plusSeconds(900)));

    private final List<WrittenFile> files = new ArrayList<>();

    @BeforeEach
    void archive() throws IOException {
        parquet = temp.resolve("parquet");
        try (RawParquetWriter writer = new RawParquetWriter()) {
            for (MessageType type : MessageType.values()) {
                List<Message> ofType = archived.stream().filter(m -> m.type() == type).toList();
                files.addAll(writer.writeFlush(type, ofType, parquet, T0.plusSeconds(1300)));
            }
        }
    }

    private List<Message> expectedInRange() {
        // Stable sort by event time, ties in type order (BSM, PSM, MapData, SPaT): the list is in type order.
        return archived.stream()
                .filter(m -> m.eventTimeMs() >= T0.toEpochMilli() && m.eventTimeMs() < T0.plusSeconds(1200).toEpochMilli())
                .sorted(Comparator.comparingLong(Message::eventTimeMs)).toList();
    }

    @Test
    void shouldReplayAllTypesMergedInEventTimeOrderWithinTheRange() throws InterruptedException {
        Collector out = new Collector();
        try (ReplaySource replay = ReplaySource.ofDirectory(parquet, new ReplayRange(T0, T0.plusSeconds(1200), 0))) {
            replay.start(out);
            assertThat(replay.awaitCompletion(Duration.ofSeconds(30))).isTrue();

            assertThat(out.messages).containsExactlyElementsOf(expectedInRange());
            assertThat(replay.status().counters()).containsEntry("messages", 11L).containsEntry("bsm", 3L)
                    .containsEntry("psm", 3L).containsEntry("mapdata", 2L).containsEntry("spat", 3L)
                    .containsEntry("finished", 1L);
            assertThat(replay.status().connected()).isFalse();
            assertThat(replay.status().lastError()).isEmpty();
        }
    }

    @Test
    void shouldPaceByEventTimeDividedByTheSpeedFactor() throws InterruptedException {
        ManualClock clock = new ManualClock();
        List<Long> sleeps = new CopyOnWriteArrayList<>();
        List<Long> emittedAt = new CopyOnWriteArrayList<>();
        MessageListener timing = new Collector() {
            @Override
            public void onMessage(Message message) {
                emittedAt.add(clock.millis());
            }
        };
        ReplaySource.Sleeper sleeper = ms -> {
            sleeps.add(ms);
            clock.ms.addAndGet(ms);
            return true;
        };
        // Range [T0, T0 + 10 s): messages at +0 (bsm 2, mapdata), +5 s (psm 10, spat) -> at speed 10, +0 and +500 ms.
        ReplayRange range = new ReplayRange(T0, T0.plusSeconds(10), 10);
        try (ReplaySource replay = new ReplaySource(parquet, Optional.empty(), range, clock, sleeper)) {
            replay.start(timing);
            assertThat(replay.awaitCompletion(Duration.ofSeconds(30))).isTrue();
        }

        assertThat(sleeps).containsExactly(500L);
        assertThat(emittedAt).containsExactly(1_000_000L, 1_000_000L, 1_000_500L, 1_000_500L);
    }

    @Test
    void shouldReplayFromTheArchiveThroughALocalCacheAndReuseIt() throws IOException, InterruptedException {
        LocalArchiveStore store = new LocalArchiveStore(temp.resolve("bucket"));
        for (WrittenFile f : files) {
            store.put(f.key(), f.path(), ObjectMetadata.of(f));
        }
        ReplayRange range = new ReplayRange(T0, T0.plusSeconds(1200), 0);

        for (long expectedDownloads : new long[] {files.size(), 0}) {
            Collector out = new Collector();
            try (ReplaySource replay = ReplaySource.ofArchive(store, temp.resolve("cache"), range)) {
                replay.start(out);
                assertThat(replay.awaitCompletion(Duration.ofSeconds(30))).isTrue();
                assertThat(out.messages).containsExactlyElementsOf(expectedInRange());
                assertThat(replay.status().counters()).containsEntry("files_downloaded", expectedDownloads);
            }
        }
    }

    @Test
    void shouldStopAPacedReplayPromptlyWhenClosed() throws InterruptedException {
        Collector out = new Collector();
        // Real time: the second message (bsm 2 at T0 follows bsm 1 at T0 - 1 s) would come 1 s later, psm 10 at 6 s.
        ReplaySource replay = ReplaySource.ofDirectory(parquet, new ReplayRange(T0.minusSeconds(1), T0.plusSeconds(60), 1));
        replay.start(out);
        while (out.messages.isEmpty()) {
            Thread.sleep(5);
        }
        long before = System.nanoTime();
        replay.close();

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(1));
        assertThat(replay.awaitCompletion(Duration.ZERO)).isTrue();
        assertThat(out.messages).hasSizeLessThan(4);
    }

    @Test
    void shouldReportAnUnreadableArchiveInItsStatusInsteadOfThrowing() throws IOException, InterruptedException {
        Files.writeString(parquet.resolve("raw/bsm/2026/11/24/bsm_20261124_235959.parquet"), "not parquet");
        Collector out = new Collector();
        try (ReplaySource replay = ReplaySource.ofDirectory(parquet, new ReplayRange(T0, T0.plusSeconds(1200), 0))) {
            replay.start(out);
            assertThat(replay.awaitCompletion(Duration.ofSeconds(30))).isTrue();

            assertThat(replay.status().lastError()).contains("bsm_20261124_235959.parquet");
            assertThat(replay.status().counters()).containsEntry("finished", 1L);
        }
    }

    @Test
    void shouldReplayTheLocalParquetTreeNamedBySettingsWhenGcsIsOff() throws InterruptedException {
        ArchiveSettings settings = new ArchiveSettings("", "", false, temp.resolve("bucket"), parquet);
        Collector out = new Collector();
        try (ReplaySource replay = ReplaySource.of(settings, temp.resolve("cache"), new ReplayRange(T0, T0.plusSeconds(1200), 0))) {
            replay.start(out);
            assertThat(replay.awaitCompletion(Duration.ofSeconds(30))).isTrue();
        }
        assertThat(out.messages).containsExactlyElementsOf(expectedInRange());
    }
}
