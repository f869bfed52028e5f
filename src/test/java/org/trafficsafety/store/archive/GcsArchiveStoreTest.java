package org.trafficsafety.store.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trafficsafety.store.parquet.Dataset;

/** The real GCS client against google-cloud-nio's in-memory fake of the GCS service (no network). */
class GcsArchiveStoreTest extends ArchiveStoreContract {

    private final List<String> listCalls = new ArrayList<>();
    private Storage fake;
    private boolean uploadsFail;
    private GcsArchiveStore store;

    @BeforeEach
    void open() {
        fake = LocalStorageHelper.customOptions(false).getService();
        Storage observed = (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] {Storage.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("list")) {
                        listCalls.add(Arrays.deepToString(args));
                    }
                    if (uploadsFail && method.getName().startsWith("create")) {
                        throw new StorageException(503, "backend unavailable");
                    }
                    try {
                        return method.invoke(fake, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        store = new GcsArchiveStore(observed, "tsi-archive-test");
    }

    @Override
    ArchiveStore store() {
        return store;
    }

    @Test
    void shouldListADateRangeWithOneListCallPerDayPrefix() throws IOException {
        for (int day = 1; day <= 20; day++) {
            Path f = file("f" + day, "day " + day);
            LocalDate d = LocalDate.of(2026, 11, day);
            String key = "raw/bsm/2026/11/" + (day < 10 ? "0" : "") + day + "/bsm_x.parquet";
            store.put(key, f, metadataOf(f, Dataset.BSM, d, day));
        }
        listCalls.clear();

        List<ArchiveObject> objects = store.list(Dataset.BSM, LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 11));

        assertThat(objects).extracting(o -> o.metadata().orElseThrow().rowCount()).containsExactly(9L, 10L, 11L);
        assertThat(listCalls).hasSize(3);
        assertThat(String.join(" ", listCalls)).contains("raw/bsm/2026/11/09/", "raw/bsm/2026/11/10/",
                "raw/bsm/2026/11/11/");
    }

    @Test
    void shouldSurfaceAFailingUploadAsAnIoExceptionTheCallerCanSpool() throws IOException {
        Path f = file("a.parquet", "abc");
        uploadsFail = true;

        assertThatThrownBy(() -> store.put("raw/bsm/2026/11/24/bsm_1.parquet", f, metadataOf(f, Dataset.BSM, DAY, 1)))
                .isInstanceOf(IOException.class).hasMessageContaining("HTTP 503")
                .hasMessageContaining("gs://tsi-archive-test/raw/bsm/2026/11/24/bsm_1.parquet");

        uploadsFail = false;
        assertThat(store.put("raw/bsm/2026/11/24/bsm_1.parquet", f, metadataOf(f, Dataset.BSM, DAY, 1)))
                .isEqualTo(ArchiveStore.PutOutcome.STORED);
    }

    @Test
    void shouldHoldTheSameKeysSizesAndMetadataAsTheLocalStore() throws IOException {
        LocalArchiveStore local = new LocalArchiveStore(temp.resolve("bucket"));
        String[] keys = {"raw/bsm/2026/11/24/bsm_20261124_000100.parquet",
                "raw/bsm/2026/11/24/bsm_20261124_000200.parquet", "processed/conflicts/2026/11/24/conflicts_1.parquet"};
        for (int i = 0; i < keys.length; i++) {
            Path f = file("f" + i, "content " + i);
            Dataset dataset = keys[i].startsWith("raw") ? Dataset.BSM : Dataset.CONFLICTS;
            store.put(keys[i], f, metadataOf(f, dataset, DAY, i));
            local.put(keys[i], f, metadataOf(f, dataset, DAY, i));
        }

        assertThat(store.list("")).hasSize(3).isEqualTo(local.list(""));
        assertThat(store.list("raw/")).isEqualTo(local.list("raw/"));
        assertThat(store.metadata(keys[2])).isEqualTo(local.metadata(keys[2]));
    }

    @Test
    void shouldStoreTheChecksumInGcsOwnCrc32cFieldAndAsCustomMetadata() throws IOException {
        Path f = file("a.parquet", "123456789");
        // CRC32C("123456789") = 0xE3069283 (the standard check value); base64 of E3 06 92 83 = "4waSgw=="
        ObjectMetadata meta = metadataOf(f, Dataset.PSM, DAY, 9);
        assertThat(meta.checksum()).isEqualTo("4waSgw==");

        store.put("raw/psm/2026/11/24/psm_1.parquet", f, meta);

        var blob = fake.get("tsi-archive-test", "raw/psm/2026/11/24/psm_1.parquet");
        assertThat(blob.getCrc32c()).isEqualTo("4waSgw==");
        assertThat(blob.getMetadata()).containsEntry("checksum", "4waSgw==").containsEntry("data_type", "psm")
                .containsEntry("collection_date", "2026-11-24").containsEntry("row_count", "9");
        assertThat(blob.getContentType()).isEqualTo("application/vnd.apache.parquet");
    }
}
