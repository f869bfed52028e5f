package org.trafficsafety.store.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trafficsafety.store.parquet.Dataset;

class LocalArchiveStoreTest extends ArchiveStoreContract {

    private LocalArchiveStore store;

    @BeforeEach
    void open() {
        store = new LocalArchiveStore(temp.resolve("bucket"));
    }

    @Override
    ArchiveStore store() {
        return store;
    }

    @Test
    void shouldKeepObjectsAsFilesUnderTheirKeysWithASidecar() throws IOException {
        Path f = file("a.parquet", "abc");
        store.put("raw/spat/2026/11/24/spat_1.parquet", f, metadataOf(f, Dataset.SPAT, DAY, 3));

        Path stored = temp.resolve("bucket/raw/spat/2026/11/24/spat_1.parquet");
        assertThat(stored).hasContent("abc");
        assertThat(Files.readString(stored.resolveSibling("spat_1.parquet.meta.json")))
                .contains("\"data_type\":\"spat\"", "\"collection_date\":\"2026-11-24\"", "\"row_count\":\"3\"");
    }

    @Test
    void shouldRewriteAnObjectWhoseFileWasDamagedEvenIfTheSidecarMatches() throws IOException {
        Path f = file("a.parquet", "abc");
        String key = "raw/bsm/2026/11/24/bsm_1.parquet";
        store.put(key, f, metadataOf(f, Dataset.BSM, DAY, 3));
        Files.writeString(temp.resolve("bucket").resolve(key), "abX");

        assertThat(store.put(key, f, metadataOf(f, Dataset.BSM, DAY, 3))).isEqualTo(ArchiveStore.PutOutcome.STORED);
        assertThat(temp.resolve("bucket").resolve(key)).hasContent("abc");
    }

    @Test
    void shouldFailWithAnIoExceptionWhenTheBucketCannotBeWritten() throws IOException {
        Path notADirectory = file("bucket-file", "a file where the bucket should be");
        LocalArchiveStore broken = new LocalArchiveStore(notADirectory);
        Path f = file("a.parquet", "abc");

        assertThatThrownBy(() -> broken.put("raw/bsm/2026/11/24/bsm_1.parquet", f, metadataOf(f, Dataset.BSM, DAY, 1)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void shouldRecordTheBucketPolicyIdempotently() throws IOException {
        assertThat(store.policy()).isEmpty();

        BucketPolicy first = store.applyPolicy(BucketPolicy.standard());
        byte[] file = Files.readAllBytes(temp.resolve("bucket/.bucket-policy.json"));
        BucketPolicy second = store.applyPolicy(BucketPolicy.standard());

        assertThat(first).isEqualTo(BucketPolicy.standard()).isEqualTo(second);
        assertThat(Files.readAllBytes(temp.resolve("bucket/.bucket-policy.json"))).isEqualTo(file);
        assertThat(store.policy()).contains(BucketPolicy.standard());
        assertThat(store.list("")).isEmpty();
    }
}
