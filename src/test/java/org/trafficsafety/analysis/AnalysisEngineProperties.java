package org.trafficsafety.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.trafficsafety.analysis.EngineFixtures.T0;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.trafficsafety.analysis.index.NormalizationConstants;
import org.trafficsafety.analysis.index.TrailingHistoryPrior;
import org.trafficsafety.message.Message;
import org.trafficsafety.tools.SyntheticTraffic;

/** The engine's output does not depend on the order messages arrive in, as long as none is late. */
class AnalysisEngineProperties {

    private static final Message[] THREE_MINUTES =
            new SyntheticTraffic(List.of(EngineFixtures.I156, EngineFixtures.I3837), 30, 5, 2, 11).generate(T0, 180_000);
    private static final Message[] ONE_MINUTE =
            new SyntheticTraffic(List.of(EngineFixtures.I156), 60, 10, 2, 17).generate(T0, 60_000);
    private static final AnalysisSettings MINUTE_LATENESS = AnalysisSettings.defaults().withLateness(Duration.ofMinutes(1));

    /**
     * Any arrival order in which no message trails the newest one by more than the lateness (each message delayed
     * by 0–10 s) gives each intersection the same rows, in the same order, and the same events as event order.
     * (How two intersections' rows interleave follows arrival: each intersection has its own clock.)
     */
    @Property(seed = "3", tries = 15)
    void shouldNotDependOnArrivalOrderWithinTheLateness(@ForAll @LongRange(min = 0, max = 1_000_000) long shuffleSeed) {
        Random random = new Random(shuffleSeed);
        Message[] inEventOrder = THREE_MINUTES.clone();
        Arrays.sort(inEventOrder, Comparator.comparingLong(Message::eventTimeMs));
        long[] arrival = new long[inEventOrder.length];
        Integer[] order = new Integer[inEventOrder.length];
        for (int i = 0; i < arrival.length; i++) {
            arrival[i] = inEventOrder[i].eventTimeMs() + random.nextInt(10_001);
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingLong(i -> arrival[i]));
        Message[] delayed = new Message[order.length];
        for (int i = 0; i < order.length; i++) {
            delayed[i] = inEventOrder[order[i]];
        }

        RecordingListener expected = run(inEventOrder, AnalysisSettings.defaults());
        RecordingListener actual = run(delayed, AnalysisSettings.defaults());

        assertThat(actual.late).isEmpty();
        assertThat(actual.rows).hasSize(6);
        assertThat(byIntersection(actual.rows)).isEqualTo(byIntersection(expected.rows));
        assertThat(actual.events).containsExactlyInAnyOrderElementsOf(expected.events);
    }

    /** With a lateness of a minute, any permutation of a minute's messages is in time: the features must not change. */
    @Property(seed = "5", tries = 10)
    void shouldGiveTheSameFeaturesForAnyOrderWithinAMinute(@ForAll @LongRange(min = 0, max = 1_000_000) long shuffleSeed) {
        List<Message> shuffled = new ArrayList<>(List.of(ONE_MINUTE));
        Collections.shuffle(shuffled, new Random(shuffleSeed));

        RecordingListener expected = run(ONE_MINUTE, MINUTE_LATENESS);
        RecordingListener actual = run(shuffled.toArray(new Message[0]), MINUTE_LATENESS);

        assertThat(actual.late).isEmpty();
        assertThat(actual.rows).hasSize(1);
        assertThat(actual.rows.get(0).features()).isEqualTo(expected.rows.get(0).features());
        assertThat(actual.rows.get(0).features().trafficVolume()).isGreaterThan(60);
    }

    private static Map<Integer, List<SafetyIndexRow>> byIntersection(List<SafetyIndexRow> rows) {
        return rows.stream().collect(Collectors.groupingBy(SafetyIndexRow::intersectionId));
    }

    static RecordingListener run(Message[] messages, AnalysisSettings settings) {
        RecordingListener listener = new RecordingListener();
        AnalysisEngine engine = new AnalysisEngine(Intersection.seeded(), settings, NormalizationConstants::defaults,
                new TrailingHistoryPrior(), listener, (i, g) -> { });
        for (Message m : messages) {
            engine.onMessage(m);
        }
        engine.flush();
        return listener;
    }
}
