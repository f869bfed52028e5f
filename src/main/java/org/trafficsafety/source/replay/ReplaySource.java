package org.trafficsafety.source.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageListener;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.source.MessageSource;
import org.trafficsafety.source.SourceStatus;
import org.trafficsafety.store.archive.ArchiveSettings;
import org.trafficsafety.store.archive.ArchiveStore;
import org.trafficsafety.store.parquet.ParquetLayout;
import org.trafficsafety.store.parquet.RawParquetReader;

/**
 * Re-emits the raw messages archived for a time range: all four types merged in event-time order (ties: BSM, PSM,
 * MapData, SPaT), paced by the range's speed factor or as fast as possible. Reads the local Parquet tree, or the
 * archive bucket through a local cache of the days it needs. Reads in windows of {@link #WINDOW}, so memory holds
 * one window of messages, not the whole range. Emits on its own thread ("replay") and stops by itself at the end
 * of the range; an I/O error stops it too and shows in {@link #status()}.
 */
public final class ReplaySource implements MessageSource {

    static final Duration WINDOW = Duration.ofMinutes(10);

    /** Waits {@code ms} milliseconds; returns false if the source was closed meanwhile. */
    interface Sleeper {
        boolean sleep(long ms) throws InterruptedException;
    }

    private final Path parquetRoot;
    private final Optional<ArchiveDownload> download;
    private final ReplayRange range;
    private final Clock clock;
    private final Sleeper sleeper;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    private final AtomicLong messages = new AtomicLong();
    private final Map<MessageType, AtomicLong> byType = new EnumMap<>(MessageType.class);
    private final AtomicLong filesDownloaded = new AtomicLong();
    private volatile boolean running;
    private volatile long lastMessageAtMs;
    private volatile String lastError = "";
    private Thread thread;

    ReplaySource(Path parquetRoot, Optional<ArchiveDownload> download, ReplayRange range, Clock clock,
                 Sleeper sleeper) {
        this.parquetRoot = parquetRoot;
        this.download = download;
        this.range = range;
        this.clock = clock;
        this.sleeper = sleeper != null ? sleeper : ms -> !stopped.await(ms, TimeUnit.MILLISECONDS);
        for (MessageType t : MessageType.values()) {
            byType.put(t, new AtomicLong());
        }
    }

    /** Replays the raw Parquet tree under {@code parquetRoot} (the directory holding {@code raw/}). */
    public static ReplaySource ofDirectory(Path parquetRoot, ReplayRange range) {
        return new ReplaySource(parquetRoot, Optional.empty(), range, Clock.systemUTC(), null);
    }

    /** Replays the archive bucket, downloading the days it needs into {@code cacheDir} (kept for the next run). */
    public static ReplaySource ofArchive(ArchiveStore store, Path cacheDir, ReplayRange range) {
        return new ReplaySource(cacheDir, Optional.of(new ArchiveDownload(store, cacheDir)), range, Clock.systemUTC(),
                null);
    }

    /**
     * The replay {@code DATA_SOURCE=replay} means: the GCS bucket (through {@code cacheDir}) when GCS upload is
     * enabled, else the local Parquet tree at {@code PARQUET_STORAGE_PATH}.
     */
    public static ReplaySource of(ArchiveSettings settings, Path cacheDir, ReplayRange range) {
        return settings.enableGcsUpload()
                ? ofArchive(settings.openStore(), cacheDir, range)
                : ofDirectory(settings.parquetStoragePath(), range);
    }

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public synchronized void start(MessageListener listener) {
        if (thread != null) {
            throw new IllegalStateException("replay already started");
        }
        running = true;
        thread = Thread.ofPlatform().name("replay").daemon().start(() -> replay(listener));
    }

    /** Waits until the whole range was replayed (or the source failed or was closed); false on timeout. */
    public boolean awaitCompletion(Duration timeout) throws InterruptedException {
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void replay(MessageListener listener) {
        Set<LocalDate> fetchedDays = new HashSet<>();
        Pacing pacing = new Pacing();
        try (RawParquetReader reader = new RawParquetReader(parquetRoot)) {
            for (Instant w = range.from(); w.isBefore(range.to()) && stopped.getCount() > 0; w = w.plus(WINDOW)) {
                Instant end = w.plus(WINDOW).isBefore(range.to()) ? w.plus(WINDOW) : range.to();
                if (download.isPresent()) {
                    for (LocalDate day : ParquetLayout.days(w, end)) {
                        if (fetchedDays.add(day)) {
                            filesDownloaded.addAndGet(download.get().fetchDay(day));
                        }
                    }
                }
                List<List<Message>> perType = new ArrayList<>();
                for (MessageType type : MessageType.values()) {
                    perType.add(reader.read(type, w, end));
                }
                if (!emitMerged(perType, listener, pacing)) {
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            lastError = e.toString();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
            finished.countDown();
        }
    }

    /** Emits the windows' messages in event-time order; false if the source was closed meanwhile. */
    private boolean emitMerged(List<List<Message>> perType, MessageListener listener, Pacing pacing)
            throws InterruptedException {
        int[] next = new int[perType.size()];
        while (true) {
            int best = -1;
            for (int t = 0; t < perType.size(); t++) {
                List<Message> list = perType.get(t);
                if (next[t] < list.size() && (best < 0
                        || list.get(next[t]).eventTimeMs() < perType.get(best).get(next[best]).eventTimeMs())) {
                    best = t;
                }
            }
            if (best < 0) {
                return true;
            }
            Message m = perType.get(best).get(next[best]++);
            if (!pacing.waitFor(m) || stopped.getCount() == 0) {
                return false;
            }
            listener.onMessage(m);
            messages.incrementAndGet();
            byType.get(m.type()).incrementAndGet();
            lastMessageAtMs = clock.millis();
        }
    }

    /** Maps event time to wall time: the first message goes at once, the rest at their offset / speed factor. */
    private final class Pacing {
        private long firstEventMs = Long.MIN_VALUE;
        private long startWallMs;

        boolean waitFor(Message m) throws InterruptedException {
            if (!range.paced()) {
                return true;
            }
            if (firstEventMs == Long.MIN_VALUE) {
                firstEventMs = m.eventTimeMs();
                startWallMs = clock.millis();
                return true;
            }
            long due = startWallMs + (long) ((m.eventTimeMs() - firstEventMs) / range.speedFactor());
            long wait = due - clock.millis();
            return wait <= 0 || sleeper.sleep(wait);
        }
    }

    @Override
    public SourceStatus status() {
        Map<String, Long> counters = new LinkedHashMap<>();
        counters.put("messages", messages.get());
        byType.forEach((type, count) -> counters.put(type.key(), count.get()));
        counters.put("files_downloaded", filesDownloaded.get());
        counters.put("finished", finished.getCount() == 0 ? 1L : 0L);
        return new SourceStatus(name(), running, lastMessageAtMs, lastError, counters);
    }

    @Override
    public void close() {
        stopped.countDown();
        Thread t;
        synchronized (this) {
            t = thread;
        }
        if (t != null) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
