package org.trafficsafety.store.db;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class PartitionedTableProperties {

    private static final LocalDate EPOCH_DAY = LocalDate.of(2000, 1, 1);

    @Property
    void shouldReadBackTheStartOfEveryPartitionItNames(@ForAll @IntRange(min = 0, max = 36_500) int day) {
        LocalDate date = EPOCH_DAY.plusDays(day);

        for (PartitionedTable table : PartitionedTable.ALL) {
            LocalDate start = table.granularity().startOf(date);
            assertThat(table.startOf(table.partitionName(start))).contains(start);
            assertThat(table.granularity().next(start)).isAfter(date);
            assertThat(start).isBeforeOrEqualTo(date);
        }
    }

    @Property
    void shouldIgnoreChildrenItDidNotName(@ForAll @StringLength(max = 10) String suffix) {
        String foreign = "safety_indices_realtime_x" + suffix;

        assertThat(PartitionedTable.REALTIME.startOf(foreign)).isEmpty();
        assertThat(PartitionedTable.REALTIME.startOf("safety_indices_realtime_default")).isEmpty();
        assertThat(PartitionedTable.HOURLY.startOf("safety_indices_hourly_p20261124")).isEmpty();
    }
}
