package org.trafficsafety.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.trafficsafety.store.archive.ArchiveObject;
import org.trafficsafety.store.archive.ArchiveSettings;
import org.trafficsafety.store.archive.ArchiveStore;
import org.trafficsafety.store.archive.BucketPolicy;
import org.trafficsafety.store.parquet.Dataset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tsi archive init|ls}: set up and inspect the archive bucket named by the environment (GCS when
 * {@code ENABLE_GCS_UPLOAD=true} and {@code GCS_BUCKET}, else the local {@code ARCHIVE_DIR}, default ./var/bucket).
 */
@Command(mixinStandardHelpOptions = true, name = "archive", description = "Set up and inspect the archive bucket (GCS or ./var/bucket).")
public final class ArchiveCommand implements Runnable {

    private final Map<String, String> env;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public ArchiveCommand() {
        this(System.getenv());
    }

    ArchiveCommand(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(mixinStandardHelpOptions = true, name = "init", description = "Apply the bucket policy (versioning, public-access prevention, "
            + "lifecycle: raw/ NEARLINE at 30 d, COLDLINE at 365 d; processed/ deleted at 730 d). Idempotent; "
            + "prints the policy in force.")
    int init() {
        try {
            ArchiveStore store = ArchiveSettings.fromEnv(env).openStore();
            BucketPolicy policy = store.applyPolicy(BucketPolicy.standard());
            PrintWriter out = spec.commandLine().getOut();
            out.println("bucket policy of " + store.location() + ":");
            out.println(policy.toJson());
            out.flush();
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            return failed("init", e);
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "ls", description = "List the objects of one data type for a range of UTC days, with size and metadata.")
    int ls(@Option(names = "--type", required = true,
                   description = "bsm, psm, mapdata, spat, indices or conflicts") String type,
           @Option(names = "--from", required = true, description = "first UTC day, YYYY-MM-DD") LocalDate from,
           @Option(names = "--to", description = "last UTC day, YYYY-MM-DD (default: --from)") LocalDate to) {
        Dataset dataset = Dataset.findByKey(type).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "unknown --type '" + type + "': use bsm, psm, mapdata, spat, indices or conflicts"));
        LocalDate last = to == null ? from : to;
        if (last.isBefore(from)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--to " + last + " is before --from " + from);
        }
        ArchiveStore store;
        List<ArchiveObject> objects;
        try {
            store = ArchiveSettings.fromEnv(env).openStore();
            objects = store.list(dataset, from, last);
        } catch (IOException | IllegalArgumentException e) {
            return failed("ls", e);
        }
        PrintWriter out = spec.commandLine().getOut();
        long bytes = 0;
        long rows = 0;
        for (ArchiveObject o : objects) {
            bytes += o.sizeBytes();
            rows += o.metadata().map(m -> m.rowCount()).orElse(0L);
            out.println(String.format("%-64s %12d  %s", o.key(), o.sizeBytes(), o.metadata()
                    .map(m -> "rows=" + m.rowCount() + " date=" + m.collectionDate() + " type=" + m.dataType()
                            + " crc32c=" + m.checksum())
                    .orElse("(no tsi metadata)")));
        }
        out.println(objects.size() + " objects, " + bytes + " bytes, " + rows + " rows in " + store.location());
        out.flush();
        return 0;
    }

    private int failed(String subcommand, Exception e) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("tsi archive " + subcommand + ": " + e.getMessage());
        err.flush();
        return 1;
    }
}
