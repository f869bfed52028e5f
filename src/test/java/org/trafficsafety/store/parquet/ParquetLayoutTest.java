package org.trafficsafety.store.parquet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ParquetLayoutTest {

    @Test
    void shouldNameRawFilesByDayFolderAndFlushSecond() {
        assertThat(ParquetLayout.key(Dataset.BSM, LocalDate.parse("2026-11-24"), Instant.parse("2026-11-24T09:05:07.999Z")))
                .isEqualTo("raw/bsm/2026/11/24/bsm_20261124_090507.parquet");
        assertThat(ParquetLayout.key(Dataset.CONFLICTS, LocalDate.parse("2026-01-02"), Instant.parse("2026-01-02T23:59:59Z")))
                .isEqualTo("processed/conflicts/2026/01/02/conflicts_20260102_235959.parquet");
    }

    @Test
    void shouldKeepTheRowsDayFolderWhenFlushedAfterMidnight() {
        assertThat(ParquetLayout.key(Dataset.SPAT, LocalDate.parse("2026-11-24"), Instant.parse("2026-11-25T00:00:05Z")))
                .isEqualTo("raw/spat/2026/11/24/spat_20261125_000005.parquet");
    }

    @Test
    void shouldPutTheLastMillisecondOfADayInThatDay() {
        // 2026-11-24T23:59:59.999Z = 20,781 days (1970-01-01 to 2026-11-24) * 86,400,000 ms + 86,399,999 ms
        long lastMs = 20_781L * 86_400_000L + 86_399_999L;
        assertThat(Instant.ofEpochMilli(lastMs)).isEqualTo(Instant.parse("2026-11-24T23:59:59.999Z"));
        assertThat(ParquetLayout.dayOf(lastMs)).isEqualTo(LocalDate.parse("2026-11-24"));
        assertThat(ParquetLayout.dayOf(lastMs + 1)).isEqualTo(LocalDate.parse("2026-11-25"));
        assertThat(ParquetLayout.dayOf(-1)).isEqualTo(LocalDate.parse("1969-12-31"));
    }

    @Test
    void shouldListTheDaysAHalfOpenRangeTouches() {
        assertThat(ParquetLayout.days(Instant.parse("2026-11-23T22:00:00Z"), Instant.parse("2026-11-25T00:00:00Z")))
                .containsExactly(LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-24"));
        assertThat(ParquetLayout.days(Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2026-11-24T10:00:00Z")))
                .isEmpty();
    }

    @Test
    void shouldFindDatasetsByTheirKey() {
        assertThat(Dataset.findByKey("MapData")).contains(Dataset.MAPDATA);
        assertThat(Dataset.findByKey("indices")).contains(Dataset.INDICES);
        assertThat(Dataset.findByKey("tim")).isEmpty();
        assertThat(Dataset.INDICES.isRaw()).isFalse();
    }
}
