package org.trafficsafety.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trafficsafety.analysis.AnalysisSettings;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.conflict.ConflictParameters;
import org.trafficsafety.analysis.index.NormalizationConstants;
import org.trafficsafety.message.MessageDecoders;
import org.trafficsafety.message.OdeEncoder;
import org.trafficsafety.simulation.SimulationConfig;
import org.trafficsafety.tools.analyze.RecordedAnalysis;
import org.trafficsafety.tools.simulate.GroundTruthCsv;
import org.trafficsafety.tools.simulate.PassingCsv;
import org.trafficsafety.tools.simulate.SimulationFiles;

/**
 * A simulated stretch written by {@code tsi simulate} and read back by {@code tsi analyze} scores at least as well
 * against the simulator's ground truth as {@code tsi bench accuracy} does on the same traffic (which feeds the
 * detector straight from the simulator, with no file, rounding or re-ordering in between).
 */
class AnalyzeAccuracyTest {

    @TempDir
    Path dir;

    @Test
    void shouldScoreAtLeastAsWellAsTheAccuracyBenchmarkOnTheSameTraffic() throws IOException {
        ConflictAccuracy.Settings bench = new ConflictAccuracy.Settings(3, 0.25, 500, 1000, 1.5, 3_000,
                ConflictParameters.defaults());
        ConflictAccuracy.Result direct = ConflictAccuracy.run(bench);

        // the same simulation as ConflictAccuracy.run: its seed, noise, thinning and start
        SimulationConfig defaults = SimulationConfig.defaults().withSeed(bench.seed());
        SimulationConfig.Noise noise = defaults.noise();
        SimulationConfig.Messaging messaging = defaults.messaging();
        SimulationConfig config = defaults
                .withNoise(new SimulationConfig.Noise(bench.gpsSigmaM(), noise.gpsCorrelationS(), noise.speedSigmaMps(),
                        noise.headingSigmaDeg()))
                .withMessaging(new SimulationConfig.Messaging(bench.bsmPeriodMs(), bench.psmPeriodMs(),
                        messaging.spatPeriodMs(), messaging.mapDataPeriodMs(), messaging.latencyMs(), messaging.source()));
        Instant from = Instant.parse("2026-03-02T07:00:00Z");
        SimulationFiles.Written written = SimulationFiles.write(config, from, from.plus(Duration.ofMinutes(15)),
                new OdeEncoder(), dir.resolve("sim.ode.jsonl.gz"), n -> { });

        RecordedAnalysis.Result analyzed = new RecordedAnalysis(Intersection.seeded(), AnalysisSettings.defaults(),
                NormalizationConstants.defaults()).analyze(List.of(written.messages()), MessageDecoders.auto(), n -> { });
        ConflictAccuracy.Result fromFile = ConflictAccuracy.score(GroundTruthCsv.read(written.truth()),
                PassingCsv.read(written.passings()),
                analyzed.conflicts(), bench.toleranceMs(), 0);

        assertThat(fromFile.overall().truth()).isEqualTo(direct.overall().truth()).isPositive();
        assertThat(fromFile.overall().recall()).isGreaterThanOrEqualTo(direct.overall().recall());
        assertThat(fromFile.overall().precision()).isGreaterThanOrEqualTo(direct.overall().precision());
        // the passings written beside the file are the ones the benchmark saw
        assertThat(fromFile.situations()).extracting(ConflictAccuracy.SituationTally::passings)
                .isEqualTo(direct.situations().stream().map(ConflictAccuracy.SituationTally::passings).toList());
    }
}
