package org.trafficsafety.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.trafficsafety.message.VruType;
import org.trafficsafety.source.vcc.VccMode;
import org.trafficsafety.source.vcc.VccSettings;
import org.trafficsafety.source.vcc.VccSource;
import org.trafficsafety.source.vcc.VccSources;
import picocli.CommandLine;

/** {@code tsi fake-vcc} as a user runs it: options parsed by picocli, then the real client in poll mode. */
class FakeVccCommandTest {

    @Test
    void shouldServeTheBuiltInFeedToTheRealClient() {
        FakeVccCommand command = new FakeVccCommand();
        new CommandLine(command).parseArgs("--port", "0", "--client-id", "me", "--client-secret", "pw");
        List<Message> received = new ArrayList<>();
        List<RejectReason> rejected = new ArrayList<>();

        try (FakeVccCommand.Running running = command.open();
                VccSource client = VccSources.create(VccSettings.defaults(running.server().baseUrl(), "me", "pw",
                        VccMode.POLL).withIntervals(Duration.ofMillis(300), Duration.ofHours(1)), new VccDecoder())) {
            client.start(new MessageListener() {
                @Override
                public void onMessage(Message message) {
                    synchronized (received) {
                        received.add(message);
                    }
                }

                @Override
                public void onRejected(MessageType type, RejectReason reason, String detail) {
                    synchronized (received) {
                        rejected.add(reason);
                    }
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() ->
                    ofType(received, Bsm.class).stream().map(Bsm::id).distinct().count() == 3
                            && !ofType(received, Psm.class).isEmpty() && !ofType(received, Spat.class).isEmpty());
        }

        synchronized (received) {
            assertThat(rejected).isEmpty();
            assertThat(ofType(received, Bsm.class)).extracting(Bsm::id).containsOnly(1001L, 1002L, 1003L);
            // within 180 m of intersection 156 (38.928411, -77.241071): 0.0017 deg of latitude, 0.0021 of longitude
            assertThat(ofType(received, Bsm.class)).allSatisfy(bsm -> {
                assertThat(bsm.latitude()).isBetween(38.928411 - 0.0017, 38.928411 + 0.0017);
                assertThat(bsm.longitude()).isBetween(-77.241071 - 0.0021, -77.241071 + 0.0021);
            });
            assertThat(ofType(received, Psm.class)).allSatisfy(psm -> {
                assertThat(psm.id()).isEqualTo(4_000_000_001L);
                assertThat(psm.basicType()).isEqualTo(VruType.PEDESTRIAN);
            });
            assertThat(ofType(received, MapData.class)).singleElement()
                    .satisfies(map -> assertThat(map.intersections().getFirst().id()).isEqualTo(156));
        }
    }

    private static <T extends Message> List<T> ofType(List<Message> messages, Class<T> type) {
        synchronized (messages) {
            return messages.stream().filter(type::isInstance).map(type::cast).toList();
        }
    }
}
