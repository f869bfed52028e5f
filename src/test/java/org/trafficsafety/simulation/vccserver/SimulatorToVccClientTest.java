package org.trafficsafety.simulation.vccserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.MapData;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageListener;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.message.Psm;
import org.trafficsafety.message.RejectReason;
import org.trafficsafety.message.VccDecoder;
import org.trafficsafety.message.VccEncoder;
import org.trafficsafety.simulation.SimulationConfig;
import org.trafficsafety.simulation.SimulatorSource;
import org.trafficsafety.simulation.TrafficSimulator;
import org.trafficsafety.source.vcc.VccApiClient;
import org.trafficsafety.source.vcc.VccMode;
import org.trafficsafety.source.vcc.VccSettings;
import org.trafficsafety.source.vcc.VccStreamSource;

/** The {@code ./tsi demo} chain with the real simulator: simulator → fake VCC server → real VCC stream client. */
class SimulatorToVccClientTest {

    private final FakeVccServer server = new FakeVccServer(
            new FakeVccServer.Config("demo", "demo-secret", Duration.ofHours(1), Duration.ofMillis(200),
                    Duration.ofSeconds(5)),
            0, Optional.of(new VccEncoder()), InstantSource.system());
    private final Set<String> produced = ConcurrentHashMap.newKeySet();
    private final Set<Integer> producedMapIds = ConcurrentHashMap.newKeySet();
    private final Set<String> received = ConcurrentHashMap.newKeySet();
    private final Set<Integer> receivedMapIds = ConcurrentHashMap.newKeySet();
    private final List<String> rejections = new CopyOnWriteArrayList<>();
    private VccStreamSource client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    @Test
    void shouldDeliverEveryBsmAndPsmTheSimulatorProducedExactlyOnce() throws InterruptedException {
        VccSettings settings = VccSettings.defaults(server.baseUrl(), "demo", "demo-secret", VccMode.STREAM)
                .withIntervals(Duration.ofMillis(300), Duration.ofHours(1))
                .withMinRequestSpacing(Duration.ofMillis(5));
        client = new VccStreamSource(VccApiClient.create(settings), new VccDecoder());
        client.start(new Recorder(received, receivedMapIds));
        await().atMost(Duration.ofSeconds(5)).until(() -> client.vccStatus().connected());
        // five simulated seconds per second, seed 7, from the start of this minute: the simulator sends MapData on
        // simulated minute boundaries, so the run opens with one per intersection
        SimulatorSource simulator = new SimulatorSource(new TrafficSimulator(SimulationConfig.defaults().withSeed(7)),
                InstantSource.system(), 5.0, Instant.now().truncatedTo(ChronoUnit.MINUTES), 50, null);
        SimulatorVccBridge bridge = new SimulatorVccBridge(new TeeSource(simulator, new Recorder(produced, producedMapIds)),
                server);

        bridge.start();
        Thread.sleep(3_000);
        bridge.close();

        await().atMost(Duration.ofSeconds(5)).until(() -> received.size() >= produced.size()
                && receivedMapIds.containsAll(producedMapIds));
        assertThat(produced).hasSizeGreaterThan(20);
        assertThat(received).isEqualTo(produced);
        assertThat(receivedMapIds).isEqualTo(producedMapIds).isNotEmpty();
        assertThat(rejections).isEmpty();
        assertThat(client.vccStatus().counters().messages()).isGreaterThanOrEqualTo(produced.size());
    }

    /** Keeps the identity of each BSM/PSM (failing on a second copy) and the MapData intersection ids. */
    private final class Recorder implements MessageListener {
        private final Set<String> identities;
        private final Set<Integer> mapIds;

        Recorder(Set<String> identities, Set<Integer> mapIds) {
            this.identities = identities;
            this.mapIds = mapIds;
        }

        @Override
        public void onMessage(Message message) {
            String identity = switch (message) {
                case Bsm b -> "bsm/" + b.id() + "/" + b.msgCnt() + "/" + b.secMark() + "/" + b.receivedAtMs();
                case Psm p -> "psm/" + p.id() + "/" + p.msgCnt() + "/" + p.secMark() + "/" + p.receivedAtMs();
                case MapData m -> {
                    m.intersections().forEach(ix -> mapIds.add(ix.id()));
                    yield null;
                }
                default -> null;
            };
            if (identity != null && !identities.add(identity)) {
                rejections.add("doubled " + identity);
            }
        }

        @Override
        public void onRejected(MessageType type, RejectReason reason, String detail) {
            rejections.add(type + " " + reason + ": " + detail);
        }
    }
}
