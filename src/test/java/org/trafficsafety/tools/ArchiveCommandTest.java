package org.trafficsafety.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trafficsafety.store.archive.LocalArchiveStore;
import org.trafficsafety.store.archive.ObjectMetadata;
import picocli.CommandLine;

class ArchiveCommandTest {

    @TempDir
    Path temp;

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(String... args) {
        return run(Map.of("ARCHIVE_DIR", temp.resolve("bucket").toString()), args);
    }

    private Run run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new ArchiveCommand(env));
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void initShouldRecordAndPrintThePolicyAndBeIdempotent() throws IOException {
        Run first = run("init");
        String recorded = Files.readString(temp.resolve("bucket/.bucket-policy.json"));
        Run second = run("init");

        assertThat(first.exitCode()).isZero();
        assertThat(first.out()).contains("\"versioning\" : true", "\"publicAccessPreventionEnforced\" : true",
                "\"matchesPrefix\" : \"raw/\"", "\"ageDays\" : 30", "\"storageClass\" : \"NEARLINE\"",
                "\"ageDays\" : 365", "\"storageClass\" : \"COLDLINE\"", "\"matchesPrefix\" : \"processed/\"",
                "\"ageDays\" : 730", "\"action\" : \"DELETE\"");
        assertThat(second.out()).isEqualTo(first.out());
        assertThat(Files.readString(temp.resolve("bucket/.bucket-policy.json"))).isEqualTo(recorded);
    }

    @Test
    void lsShouldListOnlyTheTypeAndDaysAskedForWithSizeAndMetadata() throws IOException {
        LocalArchiveStore store = new LocalArchiveStore(temp.resolve("bucket"));
        for (String day : new String[] {"2026-11-23", "2026-11-24", "2026-11-25"}) {
            Path f = Files.writeString(temp.resolve(day), "rows of " + day);
            String folder = day.replace('-', '/');
            store.put("raw/bsm/" + folder + "/bsm_1.parquet", f,
                    new ObjectMetadata("bsm", LocalDate.parse(day), 5, ObjectMetadata.crc32c(f)));
            store.put("raw/psm/" + folder + "/psm_1.parquet", f,
                    new ObjectMetadata("psm", LocalDate.parse(day), 5, ObjectMetadata.crc32c(f)));
        }

        Run ls = run("ls", "--type", "bsm", "--from", "2026-11-24", "--to", "2026-11-25");

        assertThat(ls.exitCode()).isZero();
        assertThat(ls.out().lines()).hasSize(3);
        assertThat(ls.out()).contains("raw/bsm/2026/11/24/bsm_1.parquet", "raw/bsm/2026/11/25/bsm_1.parquet",
                        "rows=5 date=2026-11-24 type=bsm crc32c=", "2 objects, 36 bytes, 10 rows") // 2 x "rows of 2026-11-2X" (18 bytes), 2 x 5 rows
                .doesNotContain("2026/11/23", "psm");
    }

    @Test
    void lsShouldRejectAnUnknownTypeWithAUsageError() {
        Run ls = run("ls", "--type", "tim", "--from", "2026-11-24");

        assertThat(ls.exitCode()).isEqualTo(2);
        assertThat(ls.err()).contains("unknown --type 'tim'");
    }

    @Test
    void shouldExplainAMissingBucketNameInsteadOfPrintingAStackTrace() {
        Run init = run(Map.of("ENABLE_GCS_UPLOAD", "true"), "init");

        assertThat(init.exitCode()).isEqualTo(1);
        assertThat(init.err().strip())
                .isEqualTo("tsi archive init: ENABLE_GCS_UPLOAD=true needs GCS_BUCKET to name the bucket");
    }
}
