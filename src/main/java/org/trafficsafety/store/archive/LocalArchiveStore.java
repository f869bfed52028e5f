package org.trafficsafety.store.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import org.trafficsafety.store.parquet.ParquetLayout;

/**
 * The archive as a local directory (default {@code ./var/bucket}): object {@code raw/bsm/...parquet} is that file
 * under the root; its metadata is the sidecar {@code <file>.meta.json}; the applied bucket policy is recorded in
 * {@code .bucket-policy.json} at the root. Files appear atomically (written under a temporary name, then renamed).
 */
public final class LocalArchiveStore implements ArchiveStore {

    static final String SIDECAR_SUFFIX = ".meta.json";
    static final String POLICY_FILE = ".bucket-policy.json";
    private static final TypeReference<Map<String, String>> MAP = new TypeReference<>() {
    };

    private final Path root;
    private final JsonMapper json = JsonMapper.builder().build();

    public LocalArchiveStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public String location() {
        return root.toString();
    }

    @Override
    public PutOutcome put(String key, Path file, ObjectMetadata metadata) throws IOException {
        Path target = fileOf(key);
        if (Files.isRegularFile(target) && metadata(key).map(m -> m.checksum().equals(metadata.checksum())).orElse(false)
                && ObjectMetadata.crc32c(target).equals(metadata.checksum())) {
            return PutOutcome.UNCHANGED;
        }
        Path temp = temporarySibling(target);
        try {
            Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
            String stored = ObjectMetadata.crc32c(temp);
            if (!stored.equals(metadata.checksum())) {
                throw new IOException("checksum mismatch storing " + key + ": expected " + metadata.checksum()
                        + ", the stored copy has " + stored);
            }
            // Sidecar first: a crash in between leaves a sidecar without data, which listings ignore.
            writeAtomically(sidecarOf(target), json.writeValueAsString(metadata.toMap()));
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return PutOutcome.STORED;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public List<ArchiveObject> list(String prefix) throws IOException {
        ArchiveKeys.requireValidPrefix(prefix);
        int slash = prefix.lastIndexOf('/');
        Path dir = slash < 0 ? root : ParquetLayout.resolve(root, prefix.substring(0, slash));
        List<ArchiveObject> objects = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return objects;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                String key = keyOf(p);
                if (key.startsWith(prefix) && isObject(p)) {
                    objects.add(new ArchiveObject(key, Files.size(p), readSidecar(p)));
                }
            }
        }
        return objects;
    }

    @Override
    public void get(String key, Path target) throws IOException {
        Path source = fileOf(key);
        if (!Files.isRegularFile(source)) {
            throw new NoSuchFileException(key, null, "no such object in " + root);
        }
        Path temp = temporarySibling(target.toAbsolutePath());
        try {
            Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
            Optional<ObjectMetadata> metadata = readSidecar(source);
            if (metadata.isPresent() && !metadata.get().checksum().equals(ObjectMetadata.crc32c(temp))) {
                throw new IOException("checksum mismatch reading " + key + ": recorded " + metadata.get().checksum());
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    @Override
    public Optional<ObjectMetadata> metadata(String key) throws IOException {
        Path file = fileOf(key);
        return Files.isRegularFile(file) ? readSidecar(file) : Optional.empty();
    }

    @Override
    public BucketPolicy applyPolicy(BucketPolicy policy) throws IOException {
        Files.createDirectories(root);
        writeAtomically(root.resolve(POLICY_FILE), policy.toJson());
        return policy().orElseThrow(() -> new IOException("policy file vanished from " + root));
    }

    @Override
    public Optional<BucketPolicy> policy() throws IOException {
        Path file = root.resolve(POLICY_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(BucketPolicy.fromJson(Files.readString(file)));
        } catch (JacksonException e) {
            throw new IOException("unreadable bucket policy " + file + ": " + e.getOriginalMessage(), e);
        }
    }

    private Path fileOf(String key) {
        return ParquetLayout.resolve(root, ArchiveKeys.requireValid(key));
    }

    private String keyOf(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    private static boolean isObject(Path file) {
        String name = file.getFileName().toString();
        return !name.startsWith(".") && !name.endsWith(SIDECAR_SUFFIX);
    }

    private static Path sidecarOf(Path file) {
        return file.resolveSibling(file.getFileName() + SIDECAR_SUFFIX);
    }

    private Optional<ObjectMetadata> readSidecar(Path file) throws IOException {
        Path sidecar = sidecarOf(file);
        if (!Files.isRegularFile(sidecar)) {
            return Optional.empty();
        }
        try {
            return ObjectMetadata.fromMap(json.readValue(Files.readString(sidecar), MAP));
        } catch (JacksonException e) {
            return Optional.empty();
        }
    }

    private static void writeAtomically(Path file, String content) throws IOException {
        Path temp = temporarySibling(file);
        try {
            Files.writeString(temp, content);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A new hidden file next to {@code file} (unique, so concurrent writers of one key never share it). */
    private static Path temporarySibling(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.createTempFile(file.getParent(), "." + file.getFileName() + ".", ".inprogress");
    }
}
