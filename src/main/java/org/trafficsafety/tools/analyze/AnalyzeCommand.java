package org.trafficsafety.tools.analyze;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.trafficsafety.analysis.AnalysisSettings;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.index.NormalizationConstants;
import org.trafficsafety.message.Dialect;
import org.trafficsafety.message.MessageDecoder;
import org.trafficsafety.message.MessageDecoders;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tsi analyze FILE... --out DIR}: the analysis over recorded message files, no database, no server. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Analyze recorded message files (VCC or ODE JSON; arrays or JSON lines; plain or .gz).",
                "Writes conflicts.csv, indices.csv, conflicts.parquet, indices.parquet and summary.json to --out.",
                "Exit code 0 when messages were read, 1 when none could be, 2 on bad arguments."})
public final class AnalyzeCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "message files; several are merged by event time")
    List<Path> files;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "output directory (created)")
    Path out;

    @Option(names = "--format", paramLabel = "vcc|ode|auto", defaultValue = "auto",
            description = "message dialect; auto detects it per document (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--intersections", paramLabel = "FILE",
            description = "CSV (id,name,lat,lon[,radius_m]) or GeoJSON intersections, added to the seeded ones")
    Path intersectionsFile;

    @Option(names = "--no-seeded", description = "do not include the four seeded VCC intersections")
    boolean noSeeded;

    @Override
    public Integer call() throws Exception {
        PrintStream err = System.err;
        for (Path file : files) {
            if (!Files.isReadable(file)) {
                err.println("tsi analyze: cannot read " + file);
                return 2;
            }
        }
        MessageDecoder decoder;
        try {
            decoder = format.equalsIgnoreCase("auto") ? MessageDecoders.auto() : MessageDecoders.of(Dialect.parse(format));
        } catch (IllegalArgumentException e) {
            err.println("tsi analyze: --format must be vcc, ode or auto, was '" + format + "'");
            return 2;
        }
        List<Intersection> intersections;
        try {
            intersections = intersections();
        } catch (IllegalArgumentException e) {
            err.println("tsi analyze: " + e.getMessage());
            return 2;
        }
        RecordedAnalysis analysis = new RecordedAnalysis(intersections, AnalysisSettings.defaults(),
                NormalizationConstants.defaults());
        RecordedAnalysis.Result result;
        long started = System.nanoTime();
        try (Progress progress = new Progress(err, System.console() != null)) {
            result = analysis.analyze(files, decoder, progress::update);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        result.summary().print(System.out);
        System.out.printf("time               %.1f s, %,.0f messages/s%n", seconds, result.summary().read() / Math.max(seconds, 1e-9));
        if (result.summary().accepted() == 0) {
            err.println("tsi analyze: no message could be read from " + files + " ("
                    + result.summary().rejected() + " rejected); nothing written");
            return 1;
        }
        analysis.write(result, out);
        System.out.println("wrote              " + out.resolve("conflicts.csv") + ", indices.csv, conflicts.parquet, indices.parquet, summary.json");
        return 0;
    }

    private List<Intersection> intersections() throws java.io.IOException {
        Map<Integer, Intersection> byId = new LinkedHashMap<>();
        if (!noSeeded) {
            Intersection.seeded().forEach(i -> byId.put(i.id(), i));
        }
        if (intersectionsFile != null) {
            IntersectionsFile.read(intersectionsFile).forEach(i -> byId.put(i.id(), i));
        }
        return new ArrayList<>(byId.values());
    }

    /** A progress bar with messages/s on a terminal; a plain line every 10 s otherwise. */
    private static final class Progress implements AutoCloseable {
        private final PrintStream err;
        private final ProgressBar bar;
        private final long started = System.nanoTime();
        private long lastLine = started;

        Progress(PrintStream err, boolean terminal) {
            this.err = err;
            this.bar = terminal ? new ProgressBarBuilder().setTaskName("analyze").setInitialMax(-1)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" msg", 1).showSpeed().build() : null;
        }

        void update(long messages) {
            if (bar != null) {
                bar.stepTo(messages);
                return;
            }
            long now = System.nanoTime();
            if (now - lastLine >= 10_000_000_000L) {
                lastLine = now;
                double s = (now - started) / 1e9;
                err.printf("analyze: %,d messages, %,.0f messages/s%n", messages, messages / s);
            }
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
