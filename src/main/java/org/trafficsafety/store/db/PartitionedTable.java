package org.trafficsafety.store.db;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * A range-partitioned table and how its partitions are cut: one per UTC day ({@code name_pYYYYMMDD}) or one
 * per UTC month ({@code name_pYYYYMM}), plus {@code name_default} for rows no partition covers.
 */
record PartitionedTable(String name, String column, Granularity granularity) {

    enum Granularity {
        DAY(DateTimeFormatter.ofPattern("uuuuMMdd")),
        MONTH(DateTimeFormatter.ofPattern("uuuuMM"));

        private final DateTimeFormatter suffix;

        Granularity(DateTimeFormatter suffix) {
            this.suffix = suffix;
        }

        LocalDate startOf(LocalDate date) {
            return this == DAY ? date : date.withDayOfMonth(1);
        }

        LocalDate next(LocalDate start) {
            return this == DAY ? start.plusDays(1) : start.plusMonths(1);
        }
    }

    static final PartitionedTable REALTIME = new PartitionedTable("safety_indices_realtime", "\"timestamp\"", Granularity.DAY);
    static final PartitionedTable HOURLY = new PartitionedTable("safety_indices_hourly", "hour_timestamp", Granularity.MONTH);
    static final PartitionedTable CONFLICTS = new PartitionedTable("conflict_events", "start_time", Granularity.DAY);
    static final List<PartitionedTable> ALL = List.of(REALTIME, HOURLY, CONFLICTS);

    String defaultPartition() {
        return name + "_default";
    }

    String partitionName(LocalDate start) {
        return name + "_p" + granularity.suffix.format(start);
    }

    /** The start of the partition a child table's name denotes; empty for the default or a foreign child. */
    Optional<LocalDate> startOf(String partitionName) {
        String prefix = name + "_p";
        if (!partitionName.startsWith(prefix)) {
            return Optional.empty();
        }
        String digits = partitionName.substring(prefix.length());
        try {
            return Optional.of(granularity == Granularity.DAY
                    ? LocalDate.parse(digits, granularity.suffix)
                    : YearMonth.parse(digits, granularity.suffix).atDay(1));
        } catch (DateTimeParseException notOurs) {
            return Optional.empty();
        }
    }
}
