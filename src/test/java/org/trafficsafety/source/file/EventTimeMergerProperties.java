package org.trafficsafety.source.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.Message;

class EventTimeMergerProperties {

    private static final long BOUND_MS = 60_000;

    @Property(tries = 200)
    void shuffledWithinTheBoundGivesTheSortedOrder(@ForAll @IntRange(min = 0, max = 400) int count,
                                                   @ForAll @IntRange(min = 1, max = 4) int files,
                                                   @ForAll @LongRange(min = 0, max = 1_000_000) long seed) {
        Random random = new Random(seed);
        List<Message> all = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // many equal event times, so ties must be broken by content, not by position
            all.add(bsm(random.nextInt(50), i % 128, 1_000_000L + random.nextInt(300) * 1_000L));
        }
        List<Message> expected = all.stream().sorted(EventTimeMerger.ORDER).toList();

        List<List<Message>> inputs = new ArrayList<>();
        for (int f = 0; f < files; f++) {
            inputs.add(new ArrayList<>());
        }
        for (Message m : expected) {
            inputs.get(random.nextInt(files)).add(m);
        }
        List<java.util.Iterator<Message>> shuffled = new ArrayList<>();
        for (List<Message> input : inputs) {
            shuffled.add(shuffleWithinBound(input, random).iterator());
        }

        assertThat(drain(new EventTimeMerger(shuffled, BOUND_MS))).containsExactlyElementsOf(expected);
    }

    @Test
    void disorderBeyondTheBoundIsNotRepaired() {
        // 70 s late with a 60 s bound: the late message can no longer be placed before the earlier release
        Message late = bsm(1, 1, 0);
        List<Message> input = List.of(bsm(2, 1, 10_000), bsm(3, 1, 80_000), late);
        List<Message> out = drain(new EventTimeMerger(List.of(input.iterator()), BOUND_MS));
        assertThat(out).hasSize(3);
        assertThat(out.get(0)).isEqualTo(input.get(0));
        assertThat(out.get(1)).isEqualTo(late);
    }

    /** Moves each message by a random amount such that none lands more than the bound behind the max before it. */
    private static List<Message> shuffleWithinBound(List<Message> sorted, Random random) {
        List<Message> out = new ArrayList<>(sorted);
        for (int pass = 0; pass < out.size(); pass++) {
            int i = random.nextInt(Math.max(1, out.size()));
            int j = Math.min(out.size() - 1, i + random.nextInt(20));
            List<Message> candidate = new ArrayList<>(out);
            Collections.swap(candidate, i, j);
            if (withinBound(candidate)) {
                out = candidate;
            }
        }
        return out;
    }

    private static boolean withinBound(List<Message> messages) {
        long max = Long.MIN_VALUE;
        for (Message m : messages) {
            if (max != Long.MIN_VALUE && m.eventTimeMs() < max - BOUND_MS) {
                return false;
            }
            max = Math.max(max, m.eventTimeMs());
        }
        return true;
    }

    private static List<Message> drain(EventTimeMerger merger) {
        List<Message> out = new ArrayList<>();
        merger.forEachRemaining(out::add);
        return out;
    }

    private static Bsm bsm(long id, int msgCnt, long eventTimeMs) {
        return new Bsm(id, msgCnt, (int) (eventTimeMs % 60_000), eventTimeMs, eventTimeMs + 50, 38.9, -77.2, Double.NaN,
                10.0, 90.0, Double.NaN, Double.NaN, Double.NaN, 0, 4.8, 1.9, "test");
    }
}
