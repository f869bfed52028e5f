package org.trafficsafety.tools.simulate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.LongConsumer;
import java.util.zip.GZIPOutputStream;

import org.trafficsafety.message.J2735Precision;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageEncoder;
import org.trafficsafety.simulation.BenignPassing;
import org.trafficsafety.simulation.GroundTruthConflict;
import org.trafficsafety.simulation.SimulationConfig;
import org.trafficsafety.simulation.SimulationListener;
import org.trafficsafety.simulation.SimulationStats;
import org.trafficsafety.simulation.TrafficSimulator;

/**
 * Writes a simulated time range as a JSON-lines message file in one dialect (gzipped when the name ends in
 * {@code .gz}), the ground-truth conflict log beside it ({@code FILE.truth.csv}) and the passings log
 * ({@code FILE.passings.csv}, see {@link PassingCsv}). Messages are rounded to J2735 resolution first, so every dialect
 * renders the same values.
 */
public final class SimulationFiles {

    /** What was written. */
    public record Written(Path messages, Path truth, Path passings, long messageCount, long conflictCount, long passingCount,
                          SimulationStats stats) {
    }

    private SimulationFiles() {
    }

    /** The ground-truth file that belongs to a message file. */
    public static Path truthFile(Path messages) {
        return messages.resolveSibling(messages.getFileName() + ".truth.csv");
    }

    /** The passings log that belongs to a message file. */
    public static Path passingsFile(Path messages) {
        return messages.resolveSibling(messages.getFileName() + ".passings.csv");
    }

    /** The passings log beside a ground-truth log ({@code FILE.truth.csv} to {@code FILE.passings.csv}), or null. */
    public static Path passingsBesideTruth(Path truth) {
        String name = truth.getFileName().toString();
        return name.endsWith(".truth.csv")
                ? truth.resolveSibling(name.substring(0, name.length() - ".truth.csv".length()) + ".passings.csv") : null;
    }

    /**
     * @param progress told the running count of messages written, every million
     */
    public static Written write(SimulationConfig config, Instant from, Instant to, MessageEncoder encoder, Path out,
                                LongConsumer progress) throws IOException {
        Path truth = truthFile(out);
        Path passings = passingsFile(out);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        long[] counts = new long[3];
        SimulationStats stats;
        try (Writer messages = writer(out); GroundTruthCsv log = new GroundTruthCsv(writer(truth));
             PassingCsv passingLog = new PassingCsv(writer(passings))) {
            stats = new TrafficSimulator(config).run(from, to, new SimulationListener() {
                @Override
                public void onMessage(Message message) {
                    try {
                        messages.write(encoder.encode(J2735Precision.round(message)));
                        messages.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    if (++counts[0] % 1_000_000 == 0) {
                        progress.accept(counts[0]);
                    }
                }

                @Override
                public void onGroundTruth(GroundTruthConflict conflict) {
                    log.write(conflict);
                    counts[1]++;
                }

                @Override
                public void onNearMiss(GroundTruthConflict nearMiss) {
                    log.write(nearMiss);
                }

                @Override
                public void onPassing(BenignPassing passing) {
                    passingLog.write(passing);
                    counts[2]++;
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return new Written(out, truth, passings, counts[0], counts[1], counts[2], stats);
    }

    private static Writer writer(Path file) throws IOException {
        OutputStream os = Files.newOutputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            os = new GZIPOutputStream(os, 1 << 16);
        }
        return new BufferedWriter(new OutputStreamWriter(os, StandardCharsets.UTF_8), 1 << 16);
    }
}
