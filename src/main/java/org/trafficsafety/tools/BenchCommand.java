package org.trafficsafety.tools;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code tsi bench NAME}: the performance benchmarks whose figures docs/PERFORMANCE.md records. */
@Command(mixinStandardHelpOptions = true, name = "bench", description = "Run a benchmark and print its figures.",
        subcommands = {
                VccStreamBenchmark.class,
                ConflictBenchmark.class,
                AccuracyBenchmark.class,
                ParquetBenchCommand.class,
                AnalysisBenchmark.class,
                ParseBenchmark.class,
                WriteBenchmark.class,
                SimulatorBenchmark.class,
                org.trafficsafety.tools.analyze.AnalyzeFileBenchmark.class,
        })
public final class BenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
