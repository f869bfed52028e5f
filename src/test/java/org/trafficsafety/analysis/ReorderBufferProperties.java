package org.trafficsafety.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.trafficsafety.message.Message;

class ReorderBufferProperties {

    /** Whatever the arrival order, and however adds and releases interleave, messages leave in event order. */
    @Property(seed = "9", tries = 300)
    void shouldReleaseInEventOrder(@ForAll @Size(max = 200) List<@IntRange(min = 0, max = 3_000) Integer> offsetsMs,
            @ForAll @IntRange(min = 1, max = 50) int releaseEvery) {
        ReorderBuffer buffer = new ReorderBuffer(IntersectionAnalysis.EVENT_ORDER);
        List<Message> released = new ArrayList<>();
        long releasedUpTo = Long.MIN_VALUE;
        for (int i = 0; i < offsetsMs.size(); i++) {
            long t = EngineFixtures.T0 + offsetsMs.get(i);
            if (t < releasedUpTo) {
                continue; // late: the engine would not buffer it
            }
            buffer.add(EngineFixtures.bsm(i, t, 0, 0, 10));
            if (i % releaseEvery == 0) {
                releasedUpTo = Math.max(releasedUpTo, t - 1_000);
                while (buffer.peekTimeMs() < releasedUpTo) {
                    released.add(buffer.poll());
                }
            }
        }
        while (!buffer.isEmpty()) {
            released.add(buffer.poll());
        }

        assertThat(released).isSortedAccordingTo(IntersectionAnalysis.EVENT_ORDER);
        assertThat(released).isSortedAccordingTo(Comparator.comparingLong(Message::eventTimeMs));
    }
}
