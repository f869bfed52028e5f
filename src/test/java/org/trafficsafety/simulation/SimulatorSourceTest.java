package org.trafficsafety.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageListener;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.message.RejectReason;

class SimulatorSourceTest {

    private static final Instant START = Instant.parse("2026-11-24T08:00:00Z");

    /** A clock the test moves by hand. */
    private static final class ManualClock implements InstantSource {
        final AtomicLong ms = new AtomicLong(1_000_000L);

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(ms.get());
        }
    }

    private static final class Collector implements MessageListener {
        final List<Message> messages = new CopyOnWriteArrayList<>();

        @Override
        public void onMessage(Message message) {
            messages.add(message);
        }

        @Override
        public void onRejected(MessageType type, RejectReason reason, String detail) {
        }
    }

    private static TrafficSimulator oneIntersection() {
        return new TrafficSimulator(SimulationConfig.defaults().withIntersections(List.of(Intersection.seeded().get(3))));
    }

    private static void awaitSimulatedTime(SimulatorSource source, long epochMs) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (source.simulatedNowMs() < epochMs && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void shouldFollowTheInjectedClockSixtyTimesFaster() throws InterruptedException {
        ManualClock clock = new ManualClock();
        Collector out = new Collector();
        try (SimulatorSource source = new SimulatorSource(oneIntersection(), clock, 60, START, 2, null)) {
            source.start(out);
            clock.ms.addAndGet(1_000);
            awaitSimulatedTime(source, START.toEpochMilli() + 60_000);
            Thread.sleep(50);

            assertThat(source.simulatedNowMs()).isEqualTo(START.toEpochMilli() + 60_000);
            assertThat(out.messages).isNotEmpty();
            assertThat(out.messages).allMatch(m -> m.eventTimeMs() >= START.toEpochMilli() && m.eventTimeMs() < START.toEpochMilli() + 60_000);
            assertThat(source.status().connected()).isTrue();
            assertThat(source.status().counters().get("messages")).isEqualTo(out.messages.size());
        }
    }

    @Test
    void shouldPublishTheSameMessagesAsABatchRun() throws InterruptedException {
        ManualClock clock = new ManualClock();
        Collector live = new Collector();
        try (SimulatorSource source = new SimulatorSource(oneIntersection(), clock, 1, START, 2, null)) {
            source.start(live);
            for (int i = 0; i < 30; i++) {
                clock.ms.addAndGet(1_000);
                awaitSimulatedTime(source, START.toEpochMilli() + (i + 1) * 1_000L);
            }
        }
        List<Message> batch = new CopyOnWriteArrayList<>();
        oneIntersection().run(START, START.plusSeconds(30), batch::add);

        assertThat(live.messages).isEqualTo(batch);
    }

    @Test
    void shouldStopProducingOnClose() throws InterruptedException {
        ManualClock clock = new ManualClock();
        Collector out = new Collector();
        SimulatorSource source = new SimulatorSource(oneIntersection(), clock, 10, START, 2, null);
        source.start(out);
        clock.ms.addAndGet(1_000);
        awaitSimulatedTime(source, START.toEpochMilli() + 10_000);
        source.close();
        int after = out.messages.size();
        clock.ms.addAndGet(10_000);
        Thread.sleep(50);

        assertThat(out.messages).hasSize(after);
        assertThat(source.status().connected()).isFalse();
    }
}
