package org.trafficsafety.store.archive;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Bucket;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The archive in a Google Cloud Storage bucket, through the official client. Objects carry {@link ObjectMetadata}
 * as custom metadata; the file's CRC32C is checked against the metadata before upload, sent with the upload so
 * that GCS rejects a corrupted transfer, and compared with the CRC32C the bucket reports afterwards. Client errors ({@link StorageException}) surface as {@link IOException}s.
 * Credentials: {@code GOOGLE_APPLICATION_CREDENTIALS} or application-default, as the client resolves them.
 */
public final class GcsArchiveStore implements ArchiveStore {

    static final String PARQUET_CONTENT_TYPE = "application/vnd.apache.parquet";

    private final Storage storage;
    private final String bucket;

    public GcsArchiveStore(Storage storage, String bucket) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("GCS_BUCKET must be set to use the GCS archive");
        }
        this.storage = storage;
        this.bucket = bucket;
    }

    @Override
    public String location() {
        return "gs://" + bucket;
    }

    @Override
    public PutOutcome put(String key, Path file, ObjectMetadata metadata) throws IOException {
        BlobId id = BlobId.of(bucket, ArchiveKeys.requireValid(key));
        String local = ObjectMetadata.crc32c(file);
        if (!local.equals(metadata.checksum())) {
            throw new IOException("checksum mismatch before uploading " + file + " as " + key + ": metadata says "
                    + metadata.checksum() + ", the file has " + local);
        }
        try {
            Blob existing = storage.get(id);
            if (existing != null && metadata.checksum().equals(existing.getCrc32c())) {
                return PutOutcome.UNCHANGED;
            }
            BlobInfo info = BlobInfo.newBuilder(id).setContentType(PARQUET_CONTENT_TYPE)
                    .setCrc32c(metadata.checksum()).setMetadata(metadata.toMap()).build();
            storage.createFrom(info, file, Storage.BlobWriteOption.crc32cMatch());
            Blob stored = storage.get(id);
            String storedChecksum = stored == null ? null : stored.getCrc32c();
            if (!metadata.checksum().equals(storedChecksum)) {
                throw new IOException("checksum mismatch after uploading " + location() + "/" + key + ": expected "
                        + metadata.checksum() + ", the bucket reports " + storedChecksum);
            }
            return PutOutcome.STORED;
        } catch (StorageException e) {
            throw failure("uploading " + file + " to", key, e);
        }
    }

    @Override
    public List<ArchiveObject> list(String prefix) throws IOException {
        ArchiveKeys.requireValidPrefix(prefix);
        List<ArchiveObject> objects = new ArrayList<>();
        try {
            for (Blob blob : storage.list(bucket, Storage.BlobListOption.prefix(prefix)).iterateAll()) {
                if (!blob.isDirectory()) {
                    objects.add(new ArchiveObject(blob.getName(), blob.getSize() == null ? 0 : blob.getSize(),
                            ObjectMetadata.fromMap(blob.getMetadata())));
                }
            }
        } catch (StorageException e) {
            throw failure("listing", prefix, e);
        }
        objects.sort(Comparator.comparing(ArchiveObject::key));
        return objects;
    }

    @Override
    public void get(String key, Path target) throws IOException {
        BlobId id = BlobId.of(bucket, ArchiveKeys.requireValid(key));
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = dir.resolve("." + target.getFileName() + ".inprogress");
        try {
            Blob blob = storage.get(id);
            if (blob == null) {
                throw new NoSuchFileException(key, null, "no such object in " + location());
            }
            blob.downloadTo(temp);
            String expected = blob.getCrc32c();
            if (expected != null && !expected.equals(ObjectMetadata.crc32c(temp))) {
                throw new IOException("checksum mismatch downloading " + location() + "/" + key + ": expected "
                        + expected + ", got " + ObjectMetadata.crc32c(temp));
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (StorageException e) {
            throw failure("downloading", key, e);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Optional<ObjectMetadata> metadata(String key) throws IOException {
        try {
            Blob blob = storage.get(BlobId.of(bucket, ArchiveKeys.requireValid(key)));
            return blob == null ? Optional.empty() : ObjectMetadata.fromMap(blob.getMetadata());
        } catch (StorageException e) {
            throw failure("reading the metadata of", key, e);
        }
    }

    @Override
    public BucketPolicy applyPolicy(BucketPolicy policy) throws IOException {
        try {
            Bucket existing = storage.get(bucket);
            Bucket result = existing == null
                    ? storage.create(GcsBucketPolicies.apply(policy, bucket, null))
                    : storage.update(GcsBucketPolicies.apply(policy, bucket, existing));
            return GcsBucketPolicies.read(result);
        } catch (StorageException e) {
            throw new IOException("applying the bucket policy to " + location() + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<BucketPolicy> policy() throws IOException {
        try {
            return Optional.ofNullable(storage.get(bucket)).map(GcsBucketPolicies::read);
        } catch (StorageException e) {
            throw new IOException("reading the bucket " + location() + " failed: " + e.getMessage(), e);
        }
    }

    private IOException failure(String action, String key, StorageException e) {
        return new IOException(action + " " + location() + "/" + key + " failed (HTTP " + e.getCode() + "): "
                + e.getMessage(), e);
    }
}
