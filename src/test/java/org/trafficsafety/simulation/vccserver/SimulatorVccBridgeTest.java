package org.trafficsafety.simulation.vccserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.MapData;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageListener;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.message.Psm;
import org.trafficsafety.message.RejectReason;
import org.trafficsafety.message.Spat;
import org.trafficsafety.message.VccDecoder;
import org.trafficsafety.message.VccEncoder;
import org.trafficsafety.source.vcc.VccApiClient;
import org.trafficsafety.source.vcc.VccMode;
import org.trafficsafety.source.vcc.VccSettings;
import org.trafficsafety.source.vcc.VccStreamSource;

/** The demo chain end to end: a message source → bridge → fake VCC server → real VCC stream client. */
class SimulatorVccBridgeTest {

    private final FakeVccServer server = new FakeVccServer(
            new FakeVccServer.Config("demo", "demo-secret", Duration.ofHours(1), Duration.ofMillis(100),
                    Duration.ofSeconds(5)),
            0, Optional.of(new VccEncoder()), InstantSource.system());
    private final Collector received = new Collector();
    private VccStreamSource client;

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    @Test
    void shouldDeliverEverythingTheSourceProducedExactlyOnceAcrossADroppedSocket() throws InterruptedException {
        server.replayOnConnect(500);
        VccSettings settings = VccSettings.defaults(server.baseUrl(), "demo", "demo-secret", VccMode.STREAM)
                .withIntervals(Duration.ofMillis(300), Duration.ofHours(1))
                .withMinRequestSpacing(Duration.ofMillis(5))
                .withRetries(2, Duration.ofMillis(20), Duration.ofMillis(100))
                .withReconnect(Duration.ofSeconds(2), Duration.ofMillis(300));
        client = new VccStreamSource(VccApiClient.create(settings), new VccDecoder());
        client.start(received);
        await().atMost(Duration.ofSeconds(5)).until(() -> client.vccStatus().connected());
        Collector feed = new Collector();
        SimulatorVccBridge bridge = new SimulatorVccBridge(
                new TeeSource(new DemoFeed(InstantSource.system(), Duration.ofMillis(100)), feed), server);

        bridge.start();
        Thread.sleep(700);
        server.dropSockets();
        Thread.sleep(900);
        bridge.close();

        List<String> sent = feed.identities(Bsm.class, Psm.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> received.identities(Bsm.class, Psm.class).size() >= sent.size());
        assertThat(received.identities(Bsm.class, Psm.class)).containsExactlyInAnyOrderElementsOf(sent);
        assertThat(sent).hasSizeGreaterThan(40);
        assertThat(bridge.published()).isGreaterThanOrEqualTo(sent.size());
        assertThat(bridge.rejected()).isZero();
        assertThat(client.vccStatus().counters().reconnects()).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> !received.of(MapData.class).isEmpty()
                && !received.of(Spat.class).isEmpty());
        assertThat(received.rejections()).isEmpty();
        MapData map = received.of(MapData.class).getFirst();
        assertThat(map.intersections()).singleElement().satisfies(ix -> {
            assertThat(ix.id()).isEqualTo(156);
            assertThat(ix.lanes()).hasSize(4);
        });
        assertThat(received.of(Spat.class).getFirst().intersections().getFirst().states()).hasSize(2);
        Bsm first = feed.of(Bsm.class).getFirst();
        assertThat(received.of(Bsm.class)).filteredOn(b -> b.id() == first.id() && b.msgCnt() == first.msgCnt())
                .singleElement().satisfies(b -> {
                    assertThat(b.latitude()).isCloseTo(first.latitude(), offset(1e-7));
                    assertThat(b.longitude()).isCloseTo(first.longitude(), offset(1e-7));
                    assertThat(b.speedMps()).isCloseTo(first.speedMps(), offset(0.01));
                });
    }

    /** Records what a listener received. */
    private static class Collector implements MessageListener {
        private final List<Message> messages = new ArrayList<>();

        @Override
        public synchronized void onMessage(Message message) {
            messages.add(message);
        }

        private final List<String> rejections = new ArrayList<>();

        @Override
        public synchronized void onRejected(MessageType type, RejectReason reason, String detail) {
            rejections.add(type + " " + reason + ": " + detail);
        }

        synchronized List<String> rejections() {
            return List.copyOf(rejections);
        }

        synchronized <T extends Message> List<T> of(Class<T> type) {
            return messages.stream().filter(type::isInstance).map(type::cast).toList();
        }

        /** (type, id, msgCnt, secMark, timestamp) of every BSM and PSM, the identity the client de-duplicates on. */
        @SafeVarargs
        final synchronized List<String> identities(Class<? extends Message>... types) {
            return messages.stream().filter(m -> List.of(types).contains(m.getClass())).map(m -> switch (m) {
                case Bsm b -> "bsm/" + b.id() + "/" + b.msgCnt() + "/" + b.secMark() + "/" + b.receivedAtMs();
                case Psm p -> "psm/" + p.id() + "/" + p.msgCnt() + "/" + p.secMark() + "/" + p.receivedAtMs();
                default -> m.toString();
            }).toList();
        }
    }
}
