package org.trafficsafety.store.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

class ParquetLayoutProperties {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss").withZone(ZoneOffset.UTC);

    @Property(seed = "20261124")
    void keyShouldBeTheRowsUtcDayFolderAndTheFlushSecond(
            @ForAll @LongRange(min = 0, max = 4_102_444_800_000L) long rowMs,
            @ForAll @LongRange(min = 0, max = 4_102_444_800_000L) long flushMs) {
        Instant row = Instant.ofEpochMilli(rowMs);
        LocalDate day = row.atOffset(ZoneOffset.UTC).toLocalDate();

        String key = ParquetLayout.key(Dataset.PSM, ParquetLayout.dayOf(rowMs), Instant.ofEpochMilli(flushMs));

        assertThat(key).isEqualTo("raw/psm/" + day.toString().replace('-', '/') + "/psm_"
                + NAME.format(Instant.ofEpochMilli(flushMs)) + ".parquet");
    }

    @Property(seed = "20261124")
    void daysShouldCoverExactlyTheDaysOfTheRange(
            @ForAll @LongRange(min = 0, max = 4_102_444_800_000L) long fromMs,
            @ForAll @LongRange(min = 1, max = 10L * 86_400_000L) long lengthMs) {
        List<LocalDate> days = ParquetLayout.days(Instant.ofEpochMilli(fromMs), Instant.ofEpochMilli(fromMs + lengthMs));

        assertThat(days.getFirst()).isEqualTo(ParquetLayout.dayOf(fromMs));
        assertThat(days.getLast()).isEqualTo(ParquetLayout.dayOf(fromMs + lengthMs - 1));
        for (int i = 1; i < days.size(); i++) {
            assertThat(days.get(i)).isEqualTo(days.get(i - 1).plusDays(1));
        }
    }
}
