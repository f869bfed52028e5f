package org.trafficsafety.tools.analyze;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import com.sun.management.OperatingSystemMXBean;
import org.trafficsafety.analysis.AnalysisSettings;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.index.NormalizationConstants;
import org.trafficsafety.message.MessageDecoders;
import org.trafficsafety.message.VccEncoder;
import org.trafficsafety.simulation.SimulationConfig;
import org.trafficsafety.tools.simulate.SimulationFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tsi bench analyze-file}: {@code tsi analyze} end to end (read + decode + analysis + output) over a
 * JSON-lines file of at least {@code --min-mb} MB written by the simulator in the VCC dialect. The file is made
 * once and kept. Rates are given per wall second and per CPU-second of the whole process (reader and analysis
 * threads, GC and JIT included): the CPU rate is what one core achieves whatever else runs on the machine.
 */
@Command(mixinStandardHelpOptions = true, name = "analyze-file", description = "Messages/s and MB/s of tsi analyze over a >= 1 GB simulated VCC file.")
public final class AnalyzeFileBenchmark implements Callable<Integer> {

    @Option(names = "--file", defaultValue = "var/bench/analyze-file.vcc.jsonl",
            description = "the input file; made by the simulator when missing or smaller than --min-mb (default: ${DEFAULT-VALUE})")
    Path file;

    @Option(names = "--min-mb", defaultValue = "1024", description = "minimum input size in MB (default: ${DEFAULT-VALUE})")
    long minMb;

    @Option(names = "--out", defaultValue = "var/bench/analyze-file-out", description = "report directory (default: ${DEFAULT-VALUE})")
    Path out;

    @Override
    public Integer call() throws IOException {
        long minBytes = minMb * 1_000_000L;
        if (!Files.exists(file) || Files.size(file) < minBytes) {
            makeInput(minBytes);
        }
        long bytes = Files.size(file);
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        RecordedAnalysis analysis = new RecordedAnalysis(Intersection.seeded(), AnalysisSettings.defaults(),
                NormalizationConstants.defaults());
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        RecordedAnalysis.Result result = analysis.analyze(List.of(file), MessageDecoders.auto(), n -> { });
        analysis.write(result, out);
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        long messages = result.summary().read();
        System.out.printf("input              %s, %,.0f MB, %,d messages%n", file, bytes / 1e6, messages);
        System.out.printf("conflicts          %,d; intersection-minutes %,d%n", result.conflicts().size(), result.rows().size());
        System.out.printf("wall               %.1f s: %,.0f messages/s, %.1f MB/s%n", wall, messages / wall, bytes / 1e6 / wall);
        System.out.printf("process CPU        %.1f s: %,.0f messages per CPU-second, %.1f MB per CPU-second%n", cpu,
                messages / cpu, bytes / 1e6 / cpu);
        System.out.printf("machine            %d cores available, load average %.1f%n", os.getAvailableProcessors(),
                os.getSystemLoadAverage());
        return 0;
    }

    private void makeInput(long minBytes) throws IOException {
        // the simulator writes about 440 MB of VCC JSON lines per simulated hour at the seeded intersections
        long hours = Math.max(1, (minBytes + 439_999_999L) / 440_000_000L);
        Instant from = Instant.parse("2026-11-24T06:00:00Z");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        while (true) {
            System.err.printf("bench analyze-file: simulating %d h into %s%n", hours, file);
            SimulationFiles.write(SimulationConfig.defaults().withSeed(1), from, from.plus(Duration.ofHours(hours)),
                    new VccEncoder(), file, n -> System.err.printf("  %,d messages%n", n));
            if (Files.size(file) >= minBytes) {
                return;
            }
            hours++;
        }
    }
}
