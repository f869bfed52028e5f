package org.trafficsafety.pipeline.spool;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * A durable FIFO of batches for one sink, in its own directory. Each batch is one file
 * {@code <sequence>.batch}, written under a temporary name, fsync'd, renamed atomically and the directory
 * fsync'd, so a crash leaves either the whole record or nothing. A record is self-describing:
 *
 * <pre>
 * "TSISPOL1" | kind (UTF) | appendedAtMs (long) | payload length (int) | payload | CRC32C of all before (int)
 * </pre>
 *
 * A record whose checksum does not match is moved to {@code corrupt/} and counted, never replayed.
 * The directory is locked while open, so two collectors cannot share one spool. Thread-safe.
 */
public final class Spool implements AutoCloseable {

    private static final byte[] MAGIC = "TSISPOL1".getBytes(StandardCharsets.US_ASCII);
    private static final String SUFFIX = ".batch";
    private static final String TEMP_SUFFIX = ".tmp";

    private final Path directory;
    private final SpoolLimits limits;
    private final Clock clock;
    private final FileChannel lockChannel;
    private final FileLock lock;
    /** sequence → (file size, appendedAtMs) of the batches on disk. */
    private final TreeMap<Long, long[]> batches = new TreeMap<>();
    private long nextSequence;
    private long bytes;
    private long corruptCount;
    private long refusedCount;

    private Spool(Path directory, SpoolLimits limits, Clock clock, FileChannel lockChannel, FileLock lock) {
        this.directory = directory;
        this.limits = limits;
        this.clock = clock;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Opens (creating if needed) the spool in {@code directory}, recovering the batches a previous run left. */
    public static Spool open(Path directory, SpoolLimits limits, Clock clock) throws IOException {
        Files.createDirectories(directory);
        FileChannel lockChannel = FileChannel.open(directory.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            lock = null; // held by this very JVM
        }
        if (lock == null) {
            lockChannel.close();
            throw new IOException("spool " + directory + " is in use by another process");
        }
        Spool spool = new Spool(directory, limits, clock, lockChannel, lock);
        spool.recover();
        return spool;
    }

    private void recover() throws IOException {
        long maxSequence = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.endsWith(TEMP_SUFFIX)) {
                    Files.delete(file); // a crash mid-append: the batch was never acknowledged as spooled
                } else if (name.endsWith(SUFFIX)) {
                    long sequence = Long.parseLong(name, 0, name.length() - SUFFIX.length(), 10);
                    long appendedAtMs = Files.getLastModifiedTime(file).toMillis();
                    long size = Files.size(file);
                    batches.put(sequence, new long[] {size, appendedAtMs});
                    bytes += size;
                    maxSequence = Math.max(maxSequence, sequence);
                }
            }
        }
        nextSequence = maxSequence + 1;
    }

    /**
     * Appends a batch durably; when this returns, the batch survives a crash.
     *
     * @return the batch's sequence
     * @throws SpoolFullException when the spool holds {@link SpoolLimits#maxBatches()} batches or would exceed
     *                            {@link SpoolLimits#maxBytes()}
     */
    public synchronized long append(String kind, byte[] payload) throws IOException, SpoolFullException {
        if (batches.size() >= limits.maxBatches() || bytes + payload.length > limits.maxBytes()) {
            refusedCount++;
            throw new SpoolFullException(String.format(java.util.Locale.ROOT,
                    "spool %s full: %,d/%,d batches, %,d/%,d bytes, oldest %d s; refused a batch of %,d bytes (%,d refused so far)",
                    directory, batches.size(), limits.maxBatches(), bytes, limits.maxBytes(), oldestAgeSeconds(),
                    payload.length, refusedCount));
        }
        long sequence = nextSequence++;
        long now = clock.millis();
        byte[] record = encode(kind, now, payload);
        Path temp = directory.resolve(fileName(sequence) + TEMP_SUFFIX);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(record);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        Path target = directory.resolve(fileName(sequence));
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        Files.setLastModifiedTime(target, java.nio.file.attribute.FileTime.fromMillis(now));
        forceDirectory();
        batches.put(sequence, new long[] {record.length, now});
        bytes += record.length;
        return sequence;
    }

    /**
     * The oldest batch, read and verified. Corrupt records met on the way are quarantined and skipped.
     * Does not remove it: call {@link #acknowledge} once the sink accepted it.
     */
    public synchronized Optional<SpoolEntry> peekOldest() throws IOException {
        while (!batches.isEmpty()) {
            long sequence = batches.firstKey();
            Path file = directory.resolve(fileName(sequence));
            Optional<SpoolEntry> entry = decode(sequence, Files.readAllBytes(file));
            if (entry.isPresent()) {
                return entry;
            }
            Path corrupt = directory.resolve("corrupt");
            Files.createDirectories(corrupt);
            Files.move(file, corrupt.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            forget(sequence);
            corruptCount++;
        }
        return Optional.empty();
    }

    /**
     * Moves a batch that can never be written (a poison batch: undecodable, or refused by the sink as invalid)
     * to {@code rejected/}, where an operator can inspect it, and out of the replay order.
     */
    public synchronized void quarantine(long sequence) throws IOException {
        if (batches.containsKey(sequence)) {
            Path rejected = directory.resolve("rejected");
            Files.createDirectories(rejected);
            Files.move(directory.resolve(fileName(sequence)), rejected.resolve(fileName(sequence)), StandardCopyOption.REPLACE_EXISTING);
            forceDirectory();
            forget(sequence);
        }
    }

    /** Removes a batch the sink accepted. Acknowledging an unknown sequence is a no-op. */
    public synchronized void acknowledge(long sequence) throws IOException {
        if (batches.containsKey(sequence)) {
            Files.deleteIfExists(directory.resolve(fileName(sequence)));
            forceDirectory();
            forget(sequence);
        }
    }

    private void forget(long sequence) {
        long[] info = batches.remove(sequence);
        if (info != null) {
            bytes -= info[0];
        }
    }

    public synchronized int depth() {
        return batches.size();
    }

    public synchronized long bytes() {
        return bytes;
    }

    /** When the oldest batch was spooled, epoch ms; empty when the spool is empty. */
    public synchronized OptionalLong oldestAppendedAtMs() {
        return batches.isEmpty() ? OptionalLong.empty() : OptionalLong.of(batches.firstEntry().getValue()[1]);
    }

    /** Age of the oldest batch in seconds, 0 when empty. */
    public synchronized long oldestAgeSeconds() {
        OptionalLong oldest = oldestAppendedAtMs();
        return oldest.isEmpty() ? 0 : Math.max(0, (clock.millis() - oldest.getAsLong()) / 1000);
    }

    public synchronized long corruptCount() {
        return corruptCount;
    }

    public synchronized long refusedCount() {
        return refusedCount;
    }

    public Path directory() {
        return directory;
    }

    @Override
    public synchronized void close() throws IOException {
        if (!lockChannel.isOpen()) {
            return;
        }
        try {
            lock.release();
        } finally {
            lockChannel.close();
        }
    }

    private void forceDirectory() throws IOException {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        }
    }

    private static String fileName(long sequence) {
        return String.format("%020d%s", sequence, SUFFIX);
    }

    private static byte[] encode(String kind, long appendedAtMs, byte[] payload) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(payload.length + 64);
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(MAGIC);
        byte[] kindBytes = kind.getBytes(StandardCharsets.UTF_8);
        out.writeShort(kindBytes.length);
        out.write(kindBytes);
        out.writeLong(appendedAtMs);
        out.writeInt(payload.length);
        out.write(payload);
        CRC32C crc = new CRC32C();
        crc.update(bytes.toByteArray());
        out.writeInt((int) crc.getValue());
        out.flush();
        return bytes.toByteArray();
    }

    /** Parses a record; empty when it is truncated, of another format or its checksum does not match. */
    static Optional<SpoolEntry> decode(long sequence, byte[] record) {
        ByteBuffer in = ByteBuffer.wrap(record);
        if (record.length < MAGIC.length + 2 + 8 + 4 + 4 || !ByteBuffer.wrap(record, 0, MAGIC.length).equals(ByteBuffer.wrap(MAGIC))) {
            return Optional.empty();
        }
        CRC32C crc = new CRC32C();
        crc.update(record, 0, record.length - 4);
        if ((int) crc.getValue() != in.getInt(record.length - 4)) {
            return Optional.empty();
        }
        in.position(MAGIC.length);
        int kindLength = Short.toUnsignedInt(in.getShort());
        if (in.remaining() < kindLength + 12 + 4) {
            return Optional.empty();
        }
        String kind = new String(record, in.position(), kindLength, StandardCharsets.UTF_8);
        in.position(in.position() + kindLength);
        long appendedAtMs = in.getLong();
        int length = in.getInt();
        if (length != in.remaining() - 4) {
            return Optional.empty();
        }
        byte[] payload = new byte[length];
        in.get(payload);
        return Optional.of(new SpoolEntry(sequence, kind, appendedAtMs, payload));
    }
}
