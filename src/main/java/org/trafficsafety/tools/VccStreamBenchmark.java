package org.trafficsafety.tools;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageListener;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.message.RejectReason;
import org.trafficsafety.message.VccDecoder;
import org.trafficsafety.message.VccEncoder;
import org.trafficsafety.simulation.vccserver.FakeVccServer;
import org.trafficsafety.source.vcc.VccApiClient;
import org.trafficsafety.source.vcc.VccMode;
import org.trafficsafety.source.vcc.VccSettings;
import org.trafficsafety.source.vcc.VccStreamSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code tsi bench vcc}: BSMs per second through the VCC stream client (WebSocket frames, decoding, repeat
 * filtering, delivery) from the fake VCC server on loopback, both in this JVM. Each round publishes a batch of
 * distinct BSMs (pre-built records, 1,000 vehicles) and times from the first publish to the last delivery; the
 * server's encoding and pushing is included, so the client alone is faster than this figure.
 */
@Command(name = "vcc", mixinStandardHelpOptions = true,
        description = "Throughput of the VCC stream client against the fake VCC server on loopback.")
public final class VccStreamBenchmark implements Callable<Integer> {

    @Option(names = "--messages", defaultValue = "100000", description = "BSMs per round (default ${DEFAULT-VALUE}).")
    int messages;

    @Option(names = "--rounds", defaultValue = "3", description = "Timed rounds after one warm-up (default ${DEFAULT-VALUE}).")
    int rounds;

    @Override
    public Integer call() throws InterruptedException {
        FakeVccServer server = new FakeVccServer(new FakeVccServer.Config("bench", "bench", Duration.ofHours(1),
                Duration.ofMillis(100), Duration.ofSeconds(5)), 0, Optional.of(new VccEncoder()), InstantSource.system());
        AtomicLong delivered = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        VccSettings settings = VccSettings.defaults(server.baseUrl(), "bench", "bench", VccMode.STREAM);
        VccStreamSource client = new VccStreamSource(VccApiClient.create(settings), new VccDecoder());
        try (server; client) {
            client.start(new MessageListener() {
                @Override
                public void onMessage(Message message) {
                    delivered.incrementAndGet();
                }

                @Override
                public void onRejected(MessageType type, RejectReason reason, String detail) {
                    rejected.incrementAndGet();
                }
            });
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!client.vccStatus().connected() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            System.out.printf("VCC stream client: %,d BSMs per round from the fake server on loopback%n", messages);
            long firstTimestamp = System.currentTimeMillis() - 3_600_000;
            for (int round = 0; round <= rounds; round++) {
                List<Bsm> batch = batch(firstTimestamp + (long) round * messages);
                long before = delivered.get();
                long cpuBefore = processCpuNanos();
                long start = System.nanoTime();
                batch.forEach(server::publish);
                while (delivered.get() - before < messages && rejected.get() == 0) {
                    Thread.sleep(5);
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuSeconds = (processCpuNanos() - cpuBefore) / 1e9;
                System.out.printf("%s: %,.0f BSMs/s wall clock, %,.0f BSMs per process CPU-second%n",
                        round == 0 ? "warm-up" : "round " + round, messages / seconds, messages / cpuSeconds);
            }
            System.out.printf("rejected: %d, repeats dropped: %d%n", rejected.get(),
                    client.vccStatus().counters().repeatsDropped());
            return rejected.get() == 0 ? 0 : 1;
        }
    }

    private List<Bsm> batch(long firstTimestamp) {
        List<Bsm> batch = new ArrayList<>(messages);
        for (int i = 0; i < messages; i++) {
            long timestamp = firstTimestamp + i;
            batch.add(new Bsm(1 + i % 1_000, i % 128, (int) (timestamp % 60_000), timestamp, timestamp,
                    38.9284 + (i % 100) * 1e-5, -77.2410 + (i % 37) * 1e-5, 84.0, 10.0 + i % 7, (i * 7) % 360, -0.5,
                    0.1, 0.0, 0, 4.8, 1.8, "bench"));
        }
        return batch;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
