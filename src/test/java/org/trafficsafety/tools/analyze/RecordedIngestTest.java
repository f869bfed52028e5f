package org.trafficsafety.tools.analyze;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trafficsafety.analysis.AnalysisSettings;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.SafetyIndexRow;
import org.trafficsafety.analysis.index.NormalizationConstants;
import org.trafficsafety.message.MessageDecoders;
import org.trafficsafety.message.VccEncoder;
import org.trafficsafety.simulation.SimulationConfig;
import org.trafficsafety.store.archive.LocalArchiveStore;
import org.trafficsafety.store.db.StoredRows;
import org.trafficsafety.store.db.TestPostgres;
import org.trafficsafety.tools.simulate.SimulationFiles;

/** tsi ingest: recorded files through the live pipeline's collector into PostgreSQL, Parquet and the bucket. */
class RecordedIngestTest {

    private static final Instant FROM = Instant.parse("2026-11-24T07:00:00Z");
    private static final Instant TO = Instant.parse("2026-11-24T07:05:00Z");

    @TempDir
    Path dir;

    @Test
    void shouldStoreWhatAnalyzeFindsAndLeaveTheSameRowsAndFilesWhenIngestedTwice() throws IOException, SQLException {
        Path file = dir.resolve("sim.vcc.jsonl");
        SimulationFiles.write(SimulationConfig.defaults().withSeed(5), FROM, TO, new VccEncoder(), file, n -> { });
        TestPostgres.Database db = TestPostgres.freshDatabase();
        RecordedIngest ingest = new RecordedIngest(Intersection.seeded(),
                RecordedIngest.settings(dir.resolve("parquet"), dir.resolve("spool")));
        LocalArchiveStore bucket = new LocalArchiveStore(dir.resolve("bucket"));

        RecordedIngest.Result first = ingest.ingest(List.of(file), MessageDecoders.auto(), db.dataSource(), bucket, n -> { });
        List<SafetyIndexRow> stored = StoredRows.indexRows(db.dataSource());
        long conflicts = StoredRows.count(db.dataSource(), "conflict_events");
        List<Path> files = files(dir.resolve("parquet"));
        List<Path> objects = files(dir.resolve("bucket"));

        // the same rows as the file analysis: the collector runs the same engine over the same event-time stream
        RecordedAnalysis.Result analyzed = new RecordedAnalysis(Intersection.seeded(), AnalysisSettings.defaults(),
                NormalizationConstants.defaults()).analyze(List.of(file), MessageDecoders.auto(), n -> { });
        assertThat(stored).hasSize(4 * 5).containsExactlyElementsOf(
                analyzed.rows().stream().sorted(IndexCsv.ORDER).toList());
        assertThat(conflicts).isEqualTo(analyzed.conflicts().size());
        assertThat(first.summary().accepted()).isEqualTo(analyzed.summary().accepted());
        assertThat(files).anyMatch(p -> p.toString().contains("raw/bsm/2026/11/24/bsm_20261124_070"))
                .anyMatch(p -> p.toString().contains("processed/indices/2026/11/24/"));
        assertThat(objects).isNotEmpty();

        ingest.ingest(List.of(file), MessageDecoders.auto(), db.dataSource(), bucket, n -> { });

        assertThat(StoredRows.indexRows(db.dataSource())).containsExactlyElementsOf(stored);
        assertThat(StoredRows.count(db.dataSource(), "conflict_events")).isEqualTo(conflicts);
        assertThat(files(dir.resolve("parquet"))).isEqualTo(files);
        assertThat(files(dir.resolve("bucket"))).isEqualTo(objects);
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
