package org.trafficsafety.tools;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.EventTime;
import org.trafficsafety.message.J2735Precision;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageDecoder;
import org.trafficsafety.message.MessageDecoders;
import org.trafficsafety.message.MessageEncoder;
import org.trafficsafety.message.MessageListener;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.message.OdeEncoder;
import org.trafficsafety.message.RejectReason;
import org.trafficsafety.message.VccEncoder;
import picocli.CommandLine;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.json.JsonMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tsi bench parse}: BSMs per second decoded and validated on one thread, VCC and ODE (schemaVersion 9)
 * JSON, through the auto-detecting decoder the pipeline uses. Warm-up rounds followed by timed rounds over the
 * same pre-encoded documents (not JMH); the listener only sums ids so that nothing is optimised away. The rate
 * is reported per CPU-second of the benchmark thread (one core's throughput on a shared machine) and per
 * wall-clock second.
 * {@code --batch 1} is one document per message (JSON lines, REST); larger batches model WebSocket frames.
 */
@Command(mixinStandardHelpOptions = true, name = "parse", description = "BSM decode + validation throughput on one thread, VCC and ODE JSON.")
public final class ParseBenchmark implements Callable<Integer> {

    private static final long START_MS = 1_795_507_200_000L;

    @Option(names = "--messages", defaultValue = "200000", description = "BSMs per round (default ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--batch", defaultValue = "1", description = "BSMs per JSON document (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--warmup", defaultValue = "3", description = "Untimed warm-up rounds (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--rounds", defaultValue = "5", description = "Timed rounds (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Bsm> bsms = generate();
        MessageDecoder decoder = MessageDecoders.auto();
        out.printf("parse benchmark: %,d BSMs per round, %d per document, %d warm-up + %d timed rounds, 1 thread%n",
                messages, batch, warmup, rounds);
        for (Dialect dialect : Dialect.values()) {
            String[] documents = encode(bsms, dialect);
            long bytes = Arrays.stream(documents).mapToLong(String::length).sum();
            double[] rates = new double[rounds];
            double[] cpuRates = new double[rounds];
            for (int round = -warmup; round < rounds; round++) {
                Sink sink = new Sink();
                CpuStopwatch clock = CpuStopwatch.start();
                for (String doc : documents) {
                    decoder.decode(doc, START_MS, sink);
                }
                long ns = clock.wallNanos();
                long cpuNs = clock.cpuNanos();
                if (sink.accepted != messages) {
                    out.printf("%s: %d of %d BSMs accepted, %d rejected: benchmark input is wrong%n", dialect,
                            sink.accepted, messages, sink.rejected);
                    return 1;
                }
                if (round >= 0) {
                    rates[round] = CpuStopwatch.perSecond(messages, ns);
                    cpuRates[round] = CpuStopwatch.perSecond(messages, cpuNs);
                }
            }
            double tokenRate = tokenizeOnly(documents);
            Arrays.sort(rates);
            Arrays.sort(cpuRates);
            out.printf("%s: %,.0f BSM/s per CPU-second of the thread (median; min %,.0f, max %,.0f); wall clock"
                            + " %,.0f BSM/s (median); %.0f bytes per BSM; Jackson tokenizing alone %,.0f BSM/s per"
                            + " CPU-second%n", dialect, cpuRates[rounds / 2], cpuRates[0], cpuRates[rounds - 1],
                    rates[rounds / 2], (double) bytes / messages, tokenRate);
        }
        out.flush();
        return 0;
    }

    /** The floor: reading every token of the same documents without decoding anything (best of the rounds). */
    private double tokenizeOnly(String[] documents) {
        JsonMapper mapper = JsonMapper.builder().build();
        double best = 0;
        long tokens = 0;
        for (int round = -warmup; round < rounds; round++) {
            CpuStopwatch clock = CpuStopwatch.start();
            for (String doc : documents) {
                try (JsonParser p = mapper.createParser(doc)) {
                    while (p.nextToken() != null) {
                        tokens++;
                    }
                }
            }
            long cpuNs = clock.cpuNanos();
            if (round >= 0 && tokens > 0) {
                best = Math.max(best, CpuStopwatch.perSecond(messages, cpuNs));
            }
        }
        return best;
    }

    private enum Dialect { VCC, ODE }

    private List<Bsm> generate() {
        SplittableRandom random = new SplittableRandom(seed);
        List<Bsm> out = new ArrayList<>(messages);
        for (int i = 0; i < messages; i++) {
            long receivedAt = START_MS + i * 10L;
            int secMark = EventTime.secMarkOf(receivedAt - random.nextInt(300));
            // rounded to J2735 resolution, as devices send them (full-precision doubles would inflate VCC text)
            out.add(J2735Precision.round(new Bsm(random.nextLong(0, 0x1_0000_0000L), i % 128, secMark,
                    EventTime.fromSecMark(secMark, receivedAt), receivedAt,
                    38.92 + random.nextDouble() * 0.01, -77.24 + random.nextDouble() * 0.01, 95.5,
                    random.nextDouble() * 25, random.nextDouble() * 359.9, random.nextDouble() * 4 - 3,
                    random.nextDouble() - 0.5, random.nextDouble() * 10 - 5, 0, 4.7, 1.8, "US-29 & Nutley")));
        }
        return out;
    }

    private String[] encode(List<Bsm> bsms, Dialect dialect) {
        MessageEncoder encoder = dialect == Dialect.VCC ? new VccEncoder() : new OdeEncoder();
        String[] docs = new String[(bsms.size() + batch - 1) / batch];
        for (int d = 0; d < docs.length; d++) {
            List<Bsm> part = bsms.subList(d * batch, Math.min(bsms.size(), (d + 1) * batch));
            if (part.size() == 1) {
                docs[d] = encoder.encode(part.getFirst());
            } else {
                StringBuilder s = new StringBuilder("[");
                for (Message m : part) {
                    s.append(s.length() > 1 ? "," : "").append(encoder.encode(m));
                }
                docs[d] = s.append(']').toString();
            }
        }
        return docs;
    }

    /** Counts and sums ids so the JIT cannot drop the decoding. */
    private static final class Sink implements MessageListener {
        long accepted;
        long rejected;
        long idSum;

        @Override
        public void onMessage(Message message) {
            accepted++;
            idSum += ((Bsm) message).id();
        }

        @Override
        public void onRejected(MessageType type, RejectReason reason, String detail) {
            rejected++;
        }
    }
}
