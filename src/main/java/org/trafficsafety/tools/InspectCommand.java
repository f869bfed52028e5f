package org.trafficsafety.tools;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.trafficsafety.message.Dialect;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageDecoder;
import org.trafficsafety.message.MessageDecoders;
import org.trafficsafety.message.MessageListener;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.message.RejectReason;
import org.trafficsafety.message.RejectionCounts;
import org.trafficsafety.source.file.MessageFileReader;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * {@code tsi inspect FILE...}: decodes files of messages (a JSON array or JSON lines, VCC or ODE, gzip or
 * not) and reports counts by type and by rejection reason; {@code --json} prints each decoded message as one
 * JSON line of the internal model (SI units, epoch ms, null for unavailable) and moves the summary to stderr.
 * Messages without a receipt time of their own (VCC MapData and SPaT) are resolved around the file's
 * modification time.
 */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Decode files of VCC or ODE messages; count them by type and rejection reason.")
public final class InspectCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "JSON array or JSON-lines files, optionally .gz.")
    List<Path> files;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "auto|vcc|ode",
            description = "Dialect; auto detects it per file from its first document (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--json", description = "Print every decoded message as one JSON line (summary to stderr).")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter summary = json ? spec.commandLine().getErr() : out;
        JsonMapper mapper = JsonMapper.builder().addModule(new SimpleModule().addSerializer(Double.class, new NanAsNull())
                .addSerializer(double.class, new NanAsNull())).build();
        Tally total = new Tally();
        int unreadable = 0;
        for (Path file : files) {
            Tally tally = new Tally();
            try {
                String dialect = inspect(file, tally, mapper, out);
                summary.println(file + " (" + dialect + "): " + tally.describe());
                total.add(tally);
            } catch (IOException | RuntimeException e) {
                summary.println(file + ": cannot read: " + e.getMessage());
                unreadable++;
            }
        }
        if (files.size() > 1) {
            summary.println("total: " + total.describe());
        }
        summary.flush();
        out.flush();
        return unreadable == 0 ? 0 : 1;
    }

    private String inspect(Path file, Tally tally, JsonMapper mapper, PrintWriter out) throws IOException {
        long fileTimeMs = Files.getLastModifiedTime(file).toMillis();
        MessageDecoder[] decoder = {format.equalsIgnoreCase("auto") ? null : MessageDecoders.of(Dialect.parse(format))};
        String[] dialect = {decoder[0] == null ? "empty" : Dialect.parse(format).name().toLowerCase()};
        RejectionCounts counts = new RejectionCounts();
        MessageListener listener = counts.counting(new MessageListener() {
            @Override
            public void onMessage(Message message) {
                tally.messages.merge(message.type(), 1L, Long::sum);
                if (json) {
                    out.println(mapper.writeValueAsString(new JsonLine(message.type().key(), message)));
                }
            }

            @Override
            public void onRejected(MessageType type, RejectReason reason, String detail) {
                // counted by the wrapping RejectionCounts
            }
        });
        MessageFileReader.read(file, doc -> {
            if (decoder[0] == null) {
                Dialect detected = MessageDecoders.detect(doc.json());
                decoder[0] = MessageDecoders.of(detected);
                dialect[0] = detected.name().toLowerCase();
            }
            tally.documents++;
            if (!doc.complete()) {
                tally.truncated++;
            }
            decoder[0].decode(doc.json(), fileTimeMs, listener);
        });
        tally.rejected.putAll(counts.snapshot());
        return dialect[0];
    }

    /** One line of {@code --json} output: the type first, then the message's components. */
    record JsonLine(String type, Message message) {
    }

    /** What one file (or all of them) held. */
    private static final class Tally {
        long documents;
        long truncated;
        final Map<MessageType, Long> messages = new EnumMap<>(MessageType.class);
        final Map<RejectionCounts.Key, Long> rejected = new LinkedHashMap<>();

        void add(Tally other) {
            documents += other.documents;
            truncated += other.truncated;
            other.messages.forEach((k, v) -> messages.merge(k, v, Long::sum));
            other.rejected.forEach((k, v) -> rejected.merge(k, v, Long::sum));
        }

        String describe() {
            long accepted = messages.values().stream().mapToLong(Long::longValue).sum();
            long rejectedTotal = rejected.values().stream().mapToLong(Long::longValue).sum();
            StringBuilder s = new StringBuilder();
            s.append(documents).append(" documents");
            if (truncated > 0) {
                s.append(" (").append(truncated).append(" truncated)");
            }
            s.append(", ").append(accepted).append(" messages, ").append(rejectedTotal).append(" rejected");
            if (!messages.isEmpty()) {
                s.append("\n  messages: ").append(messages.entrySet().stream()
                        .map(e -> e.getKey().key() + " " + e.getValue()).collect(Collectors.joining(", ")));
            }
            if (!rejected.isEmpty()) {
                s.append("\n  rejected: ").append(rejected.entrySet().stream()
                        .map(e -> e.getKey().type() + "/" + e.getKey().reason() + " " + e.getValue())
                        .collect(Collectors.joining(", ")));
            }
            return s.toString();
        }
    }

    /** The model's NaN ("unavailable") as JSON null. */
    private static final class NanAsNull extends StdSerializer<Double> {
        NanAsNull() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator g, SerializationContext context) {
            if (value.isNaN()) {
                g.writeNull();
            } else {
                g.writeNumber(value.doubleValue());
            }
        }
    }
}
