package org.trafficsafety.store.db;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs {@link PartitionManager#maintain()} at startup (called by the migration strategy) and every hour at :15
 * (so a missed day heals within the hour), once across instances; each run is a row of {@code job_runs}, and what it
 * finds is exported:
 * {@code tsi_partition_default_rows{table}}, {@code tsi_partitions_added_total}, {@code tsi_partitions_dropped_total}.
 */
public class PartitionMaintenanceJob {

    private static final Logger log = LoggerFactory.getLogger(PartitionMaintenanceJob.class);

    static final String JOB_NAME = "partition-maintenance";

    private final PartitionManager partitionManager;
    private final JobRunLog runs;
    private final Counter created;
    private final Counter dropped;
    private final Map<String, AtomicLong> defaultRows = new ConcurrentHashMap<>();

    public PartitionMaintenanceJob(PartitionManager partitionManager, JobRunLog runs, MeterRegistry registry) {
        this.partitionManager = partitionManager;
        this.runs = runs;
        this.created = Counter.builder("tsi.partitions.added").description("Partitions created ahead of time").register(registry);
        this.dropped = Counter.builder("tsi.partitions.dropped").description("Partitions dropped by retention").register(registry);
        for (PartitionedTable table : PartitionedTable.ALL) {
            AtomicLong rows = new AtomicLong();
            defaultRows.put(table.name(), rows);
            Gauge.builder("tsi.partition.default.rows", rows, AtomicLong::get).tag("table", table.name())
                    .description("Rows in the table's DEFAULT partition (no daily/monthly partition covers them)")
                    .register(registry);
        }
    }

    /** One maintenance pass, recorded in {@code job_runs}; throws when the database refuses. */
    public PartitionManager.Report maintain() throws SQLException {
        long run = runs.start(JOB_NAME);
        PartitionManager.Report report;
        try {
            report = partitionManager.maintain();
        } catch (SQLException | RuntimeException e) {
            runs.fail(run, e.getMessage());
            throw e;
        }
        runs.succeed(run, report.created().size() + report.dropped().size(), report.created().size() + " created, "
                + report.dropped().size() + " dropped, " + report.strays().size() + " tables with rows in DEFAULT");
        created.increment(report.created().size());
        dropped.increment(report.dropped().size());
        defaultRows.values().forEach(rows -> rows.set(0));
        report.strays().forEach(stray -> defaultRows.get(stray.table()).set(stray.rows()));
        return report;
    }

    @Scheduled(cron = "0 15 * * * *", zone = "UTC")
    @SchedulerLock(name = JOB_NAME, lockAtMostFor = "PT30M")
    public void scheduledMaintain() {
        try {
            maintain();
        } catch (SQLException e) {
            log.error("partition maintenance failed (retried at the next hour): {}", e.getMessage());
        }
    }
}
