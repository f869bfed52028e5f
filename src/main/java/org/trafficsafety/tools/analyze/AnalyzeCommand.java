package org.trafficsafety.tools.analyze;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.trafficsafety.analysis.AnalysisSettings;
import org.trafficsafety.analysis.index.NormalizationConstants;
import org.trafficsafety.tools.ConflictAccuracy;
import org.trafficsafety.simulation.BenignPassing;
import org.trafficsafety.tools.simulate.GroundTruthCsv;
import org.trafficsafety.tools.simulate.PassingCsv;
import org.trafficsafety.tools.simulate.SimulationFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tsi analyze FILE... --out DIR}: the analysis over recorded message files, no database, no server. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyze recorded message files (VCC or ODE JSON; arrays or JSON lines; plain or .gz).",
                "Writes conflicts.csv, indices.csv, conflicts.parquet, indices.parquet and summary.json to --out.",
                "Exit code 0 when messages were read, 1 when none could be, 2 on bad arguments."})
public final class AnalyzeCommand implements Callable<Integer> {

    /** The matching tolerance of {@code tsi bench accuracy} (docs/methodology.md). */
    private static final long MATCH_TOLERANCE_MS = 3_000;

    @Mixin
    RecordedInput input;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory (created)")
    Path out;

    @Option(names = "--truth", paramLabel = "FILE",
            description = "a ground-truth log written by tsi simulate (FILE.truth.csv): print precision and recall against it, "
                    + "and the detections in no-conflict situations when FILE.passings.csv is beside it")
    Path truth;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        Optional<RecordedInput.Resolved> resolved = input.resolve("analyze");
        if (resolved.isEmpty()) {
            return 2;
        }
        RecordedAnalysis analysis = new RecordedAnalysis(resolved.get().intersections(), AnalysisSettings.defaults(),
                NormalizationConstants.defaults());
        RecordedAnalysis.Result result;
        long started = System.nanoTime();
        try (Progress progress = new Progress("analyze", err, System.console() != null)) {
            result = analysis.analyze(input.files, resolved.get().decoder(), progress::update);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        result.summary().print(System.out);
        System.out.printf("time               %.1f s, %,.0f messages/s%n", seconds, result.summary().read() / Math.max(seconds, 1e-9));
        if (result.summary().accepted() == 0) {
            err.println("tsi analyze: no message could be read from " + input.files + " ("
                    + result.summary().rejected() + " rejected); nothing written");
            return 1;
        }
        analysis.write(result, out);
        if (truth != null) {
            System.out.println("against the ground truth in " + truth + ":");
            Path passingsFile = SimulationFiles.passingsBesideTruth(truth);
            List<BenignPassing> passings = passingsFile != null && Files.isReadable(passingsFile) ? PassingCsv.read(passingsFile)
                    : List.of();
            ConflictAccuracy.score(GroundTruthCsv.read(truth), passings, result.conflicts(), MATCH_TOLERANCE_MS,
                    result.summary().accepted()).print(System.out);
            if (passings.isEmpty()) {
                System.out.println("no passings log beside the ground truth (FILE.passings.csv): no-conflict situations not counted");
            }
        }
        System.out.println("wrote              " + out.resolve("conflicts.csv") + ", indices.csv, conflicts.parquet, indices.parquet, summary.json");
        return 0;
    }
}
