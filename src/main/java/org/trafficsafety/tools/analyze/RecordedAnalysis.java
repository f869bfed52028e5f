package org.trafficsafety.tools.analyze;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

import org.trafficsafety.analysis.AnalysisEngine;
import org.trafficsafety.analysis.AnalysisListener;
import org.trafficsafety.analysis.AnalysisSettings;
import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.SafetyIndexRow;
import org.trafficsafety.analysis.index.NormalizationConstants;
import org.trafficsafety.analysis.index.TrailingHistoryPrior;
import org.trafficsafety.message.Deduplicator;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageDecoder;
import org.trafficsafety.message.MessageListener;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.message.RejectReason;
import org.trafficsafety.source.file.RecordedFiles;
import org.trafficsafety.store.parquet.ProcessedParquetWriter;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analysis library over recorded files, with no database and no server: files → merged event-time stream →
 * {@link AnalysisEngine} → conflicts and per-minute index rows → CSV, Parquet and {@code summary.json} in one
 * directory. The same input gives byte-identical output.
 */
public final class RecordedAnalysis {

    /** How far out of event-time order each input file may be and still give the result of sorted input. */
    public static final long DISORDER_BOUND_MS = 120_000;

    /** Everything a run produced. */
    public record Result(List<ConflictEvent> conflicts, List<SafetyIndexRow> rows, RunSummary summary) {
    }

    private final List<Intersection> intersections;
    private final AnalysisSettings settings;
    private final NormalizationConstants constants;

    public RecordedAnalysis(List<Intersection> intersections, AnalysisSettings settings, NormalizationConstants constants) {
        this.intersections = List.copyOf(intersections);
        this.settings = settings;
        this.constants = constants;
    }

    /**
     * Analyzes the files.
     *
     * @param progress told the running count of messages read, every 65,536 messages and at the end
     */
    public Result analyze(List<Path> files, MessageDecoder decoder, LongConsumer progress) {
        RunSummary summary = new RunSummary();
        List<ConflictEvent> conflicts = new ArrayList<>();
        List<SafetyIndexRow> rows = new ArrayList<>();
        AnalysisListener collect = summary.counting(new AnalysisListener() {
            @Override
            public void onConflict(ConflictEvent event) {
                conflicts.add(event);
            }

            @Override
            public void onMinute(SafetyIndexRow row) {
                rows.add(row);
            }

            @Override
            public void onLate(Message message) {
            }
        });
        AnalysisEngine engine = new AnalysisEngine(intersections, settings, () -> constants, new TrailingHistoryPrior(),
                collect, (intersection, geometry) -> { });
        read(files, decoder, summary, engine::onMessage, progress);
        engine.flush();
        return new Result(conflicts, rows, summary);
    }

    /**
     * Reads the files, merges them in event-time order, drops duplicates and hands each accepted message to
     * {@code accepted}, counting everything in {@code summary}.
     *
     * @param progress told the running count of messages read, every 65,536 messages and at the end
     */
    static void read(List<Path> files, MessageDecoder decoder, RunSummary summary, Consumer<Message> accepted,
                     LongConsumer progress) {
        try (RecordedFiles input = new RecordedFiles(files, decoder, DISORDER_BOUND_MS,
                r -> summary.rejected(r.file(), r.line(), r.type(), r.reason(), r.detail()))) {
            // duplicates across files (one message relayed by two RSUs) meet here, next to each other in the merge
            Deduplicator deduplicator = new Deduplicator(new MessageListener() {
                @Override
                public void onMessage(Message message) {
                    summary.accepted(message);
                    accepted.accept(message);
                }

                @Override
                public void onRejected(MessageType type, RejectReason reason, String detail) {
                    summary.duplicate();
                }
            });
            Iterator<Message> messages = input.messages();
            long n = 0;
            while (messages.hasNext()) {
                deduplicator.onMessage(messages.next());
                if ((++n & 0xFFFF) == 0) {
                    progress.accept(n);
                }
            }
            progress.accept(n);
        }
    }

    /** Writes conflicts.csv, indices.csv, conflicts.parquet, indices.parquet and summary.json into {@code dir}. */
    public void write(Result result, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Writer out = Files.newBufferedWriter(dir.resolve("conflicts.csv"), StandardCharsets.UTF_8)) {
            ConflictCsv.write(result.conflicts(), out);
        }
        try (Writer out = Files.newBufferedWriter(dir.resolve("indices.csv"), StandardCharsets.UTF_8)) {
            IndexCsv.write(result.rows(), constants, out);
        }
        List<ConflictEvent> conflicts = result.conflicts().stream().sorted(ConflictCsv.ORDER).toList();
        List<SafetyIndexRow> rows = result.rows().stream().sorted(IndexCsv.ORDER).toList();
        // a fixed clock: nothing in the output may depend on when the run happened
        try (ProcessedParquetWriter parquet = new ProcessedParquetWriter(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))) {
            parquet.writeConflicts(conflicts, dir.resolve("conflicts.parquet"));
            parquet.writeIndices(rows, dir.resolve("indices.parquet"));
        }
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        Files.writeString(dir.resolve("summary.json"), json.writeValueAsString(result.summary().toJson()) + "\n",
                StandardCharsets.UTF_8);
    }
}
