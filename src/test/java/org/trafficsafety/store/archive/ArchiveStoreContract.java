package org.trafficsafety.store.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trafficsafety.store.archive.ArchiveStore.PutOutcome;
import org.trafficsafety.store.parquet.Dataset;

/** Behaviour every archive store shares; subclasses supply the store. */
abstract class ArchiveStoreContract {

    static final LocalDate DAY = LocalDate.parse("2026-11-24");

    @TempDir
    Path temp;

    abstract ArchiveStore store();

    Path file(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content);
    }

    static ObjectMetadata metadataOf(Path file, Dataset dataset, LocalDate day, long rows) throws IOException {
        return new ObjectMetadata(dataset.key(), day, rows, ObjectMetadata.crc32c(file));
    }

    @Test
    void shouldStoreAnObjectWithItsMetadataAndGetItBack() throws IOException {
        Path f = file("a.parquet", "parquet bytes");
        ObjectMetadata meta = metadataOf(f, Dataset.BSM, DAY, 12);
        String key = "raw/bsm/2026/11/24/bsm_20261124_103000.parquet";

        assertThat(store().put(key, f, meta)).isEqualTo(PutOutcome.STORED);

        assertThat(store().metadata(key)).contains(meta);
        assertThat(store().list("raw/bsm/2026/11/24/")).containsExactly(new ArchiveObject(key, 13, java.util.Optional.of(meta)));
        Path back = temp.resolve("out/back.parquet");
        store().get(key, back);
        assertThat(Files.readString(back)).isEqualTo("parquet bytes");
    }

    @Test
    void shouldDoNothingWhenTheSameContentIsPutAgainAndReplaceWhenItChanged() throws IOException {
        String key = "processed/indices/2026/11/24/indices_20261124_103000.parquet";
        Path f = file("i.parquet", "v1");
        assertThat(store().put(key, f, metadataOf(f, Dataset.INDICES, DAY, 1))).isEqualTo(PutOutcome.STORED);
        assertThat(store().put(key, f, metadataOf(f, Dataset.INDICES, DAY, 1))).isEqualTo(PutOutcome.UNCHANGED);

        Path g = file("j.parquet", "v2 longer");
        assertThat(store().put(key, g, metadataOf(g, Dataset.INDICES, DAY, 2))).isEqualTo(PutOutcome.STORED);
        assertThat(store().metadata(key).orElseThrow().rowCount()).isEqualTo(2);
        assertThat(store().list("processed/indices/")).hasSize(1);
    }

    @Test
    void shouldRefuseAnObjectWhoseChecksumDoesNotMatchItsMetadata() throws IOException {
        Path f = file("c.parquet", "content");
        ObjectMetadata wrong = new ObjectMetadata("bsm", DAY, 1, "AAAAAA==");
        String key = "raw/bsm/2026/11/24/bsm_20261124_000000.parquet";

        assertThatThrownBy(() -> store().put(key, f, wrong)).isInstanceOf(IOException.class)
                .hasMessageContaining("checksum mismatch");
        assertThat(store().list("raw/bsm/")).isEmpty();
    }

    @Test
    void shouldListADateRangeByDayPrefixes() throws IOException {
        for (String day : new String[] {"2026/11/22", "2026/11/23", "2026/11/24", "2026/11/25"}) {
            Path f = file(day.replace('/', '-'), day);
            LocalDate d = LocalDate.parse(day.replace('/', '-'));
            store().put("raw/bsm/" + day + "/bsm_x.parquet", f, metadataOf(f, Dataset.BSM, d, 1));
            store().put("raw/psm/" + day + "/psm_x.parquet", f, metadataOf(f, Dataset.PSM, d, 1));
        }

        assertThat(store().list(Dataset.BSM, LocalDate.parse("2026-11-23"), LocalDate.parse("2026-11-24")))
                .extracting(ArchiveObject::key)
                .containsExactly("raw/bsm/2026/11/23/bsm_x.parquet", "raw/bsm/2026/11/24/bsm_x.parquet");
    }

    @Test
    void shouldReportAMissingObject() throws IOException {
        assertThat(store().metadata("raw/bsm/2026/11/24/none.parquet")).isEmpty();
        assertThatThrownBy(() -> store().get("raw/bsm/2026/11/24/none.parquet", temp.resolve("x")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void shouldRejectKeysThatLeaveTheBucket() {
        assertThatThrownBy(() -> store().metadata("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store().metadata("/raw/x")).isInstanceOf(IllegalArgumentException.class);
    }
}
