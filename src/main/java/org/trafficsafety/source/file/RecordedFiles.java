package org.trafficsafety.source.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageDecoder;
import org.trafficsafety.message.MessageListener;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.message.RejectReason;

/**
 * Recorded message files (JSON arrays or JSON lines, plain or gzip, VCC or ODE) read as one stream in event-time
 * order. Each file is read and decoded on its own thread into a bounded queue; {@link EventTimeMerger} merges
 * them, repairing disorder of up to {@code disorderBoundMs} within each file. Rejections keep their file name and
 * line number and are reported per file, in file order, once the file is done, so the report does not depend on
 * thread timing.
 */
public final class RecordedFiles implements AutoCloseable {

    /** One rejected document or message of a file. */
    public record Rejection(String file, long line, MessageType type, RejectReason reason, String detail) {
    }

    /** Receives a file's rejections once that file has been read completely. */
    public interface RejectionListener {
        void rejected(Rejection rejection);
    }

    private static final int BATCH = 1024;
    private static final List<Message> END = java.util.Collections.unmodifiableList(new ArrayList<>());

    private final List<FileInput> inputs = new ArrayList<>();
    private final EventTimeMerger merger;
    private final RejectionListener rejections;
    private int nextToReport;

    public RecordedFiles(List<Path> files, MessageDecoder decoder, long disorderBoundMs, RejectionListener rejections) {
        this.rejections = rejections;
        for (Path file : files) {
            inputs.add(new FileInput(file, decoder));
        }
        inputs.forEach(FileInput::start);
        this.merger = new EventTimeMerger(inputs.stream().map(FileInput::iterator).toList(), disorderBoundMs);
    }

    /** The merged messages; pulling from it also reports the rejections of files that are done. */
    public Iterator<Message> messages() {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                boolean more = merger.hasNext();
                reportFinishedFiles(!more);
                return more;
            }

            @Override
            public Message next() {
                return merger.next();
            }
        };
    }

    private void reportFinishedFiles(boolean all) {
        while (nextToReport < inputs.size() && (all || inputs.get(nextToReport).done)) {
            FileInput input = inputs.get(nextToReport++);
            input.awaitDone();
            input.rejected.forEach(rejections::rejected);
            input.rejected.clear();
            if (input.failure != null) {
                throw input.failure;
            }
        }
    }

    @Override
    public void close() {
        inputs.forEach(FileInput::stop);
    }

    /** One file: a reader thread that decodes into a bounded queue of message batches. */
    private static final class FileInput implements MessageListener {
        private final Path path;
        private final MessageDecoder decoder;
        private final BlockingQueue<List<Message>> queue = new ArrayBlockingQueue<>(64);
        private final List<Rejection> rejected = new ArrayList<>();
        private final Thread thread;
        private List<Message> batch = new ArrayList<>(BATCH);
        private MessageFileReader.Document current;
        private long lastReceivedAtMs;
        private volatile boolean done;
        private volatile UncheckedIOException failure;

        FileInput(Path path, MessageDecoder decoder) {
            this.path = path;
            this.decoder = decoder;
            this.thread = Thread.ofPlatform().daemon().name("read-" + path.getFileName()).unstarted(this::run);
        }

        void start() {
            thread.start();
        }

        void stop() {
            thread.interrupt();
        }

        void awaitDone() {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void run() {
            try {
                MessageFileReader.read(path, this::decode);
            } catch (IOException e) {
                failure = new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
            } catch (InterruptedRead e) {
                return;
            }
            put(batch);
            put(END);
            done = true; // only now: a reporter that sees it may join without waiting on a full queue
        }

        private void decode(MessageFileReader.Document document) {
            current = document;
            if (!document.complete()) {
                rejected.add(new Rejection(document.file(), document.line(), null, RejectReason.MALFORMED,
                        "file ends inside this document (truncated)"));
                return;
            }
            decoder.decode(document.json(), lastReceivedAtMs, this);
        }

        @Override
        public void onMessage(Message message) {
            lastReceivedAtMs = Math.max(lastReceivedAtMs, message.receivedAtMs());
            batch.add(message);
            if (batch.size() == BATCH) {
                put(batch);
                batch = new ArrayList<>(BATCH);
            }
        }

        @Override
        public void onRejected(MessageType type, RejectReason reason, String detail) {
            rejected.add(new Rejection(current.file(), current.line(), type, reason, detail));
        }

        private void put(List<Message> messages) {
            try {
                queue.put(messages);
            } catch (InterruptedException e) {
                throw new InterruptedRead();
            }
        }

        Iterator<Message> iterator() {
            return new Iterator<>() {
                private List<Message> current = List.of();
                private int index;
                private boolean ended;

                @Override
                public boolean hasNext() {
                    while (!ended && index == current.size()) {
                        try {
                            current = queue.take();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException("interrupted while reading " + path, e);
                        }
                        index = 0;
                        ended = current == END;
                    }
                    return !ended;
                }

                @Override
                public Message next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    return current.get(index++);
                }
            };
        }
    }

    /** Unwinds a reader thread that was stopped. */
    private static final class InterruptedRead extends RuntimeException {
        InterruptedRead() {
            super(null, null, false, false);
        }
    }
}
