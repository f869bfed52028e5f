package org.trafficsafety.analysis.conflict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.ConflictType;
import org.trafficsafety.analysis.RoadUserKind;

/** PET through the detector on noise-free crossing paths, expected values worked out by hand. */
class PostEncroachmentTest {

    private static final long T0 = 1_700_000_000_000L;

    /**
     * Car 1 east along y = 0 at 10 m/s, centre at the crossing at 4.0 s; car 2 north along x = 0 at 10 m/s,
     * centre at the crossing at tau0. Bodies for PET are discs of half the length, 2.4 m, so they "touch" within
     * 4.8 m. When car 2 is at (0, 10u) (u = time from tau0), car 1 was last within 4.8 m at
     * 4 + sqrt(23.04 - 100u^2)/10, so the gap is g(u) = tau0 + u - 4 - sqrt(23.04 - 100u^2)/10, smallest where
     * sqrt(23.04 - 100u^2) = -10u, u = -0.3394: g = tau0 - 4 - 2(0.3394) = tau0 - 4.679.
     */
    private List<ConflictEvent> crossing(double tau0S) {
        ConflictDetector detector = new ConflictDetector(7, Scenario.FRAME, ConflictParameters.defaults());
        List<ConflictEvent> events = new ArrayList<>();
        for (int k = 0; k <= 100; k++) {
            double t = k * 0.1;
            detector.observe(new RoadUserObservation(1, RoadUserKind.VEHICLE, T0 + k * 100L, -40 + 10 * t, 0,
                    10, 90, Double.NaN, Double.NaN, 4.8, 1.9), events::add);
            detector.observe(new RoadUserObservation(2, RoadUserKind.VEHICLE, T0 + k * 100L + 50, 0, 10 * (t + 0.05 - tau0S),
                    10, 0, Double.NaN, Double.NaN, 4.8, 1.9), events::add);
        }
        detector.flush(events::add);
        return events;
    }

    @Test
    void shouldMeasurePetBetweenBodiesNotCentres() {
        // tau0 = 5.2 s: PET 5.2 - 4.679 = 0.521 s (centre points would give 1.2 s). Evaluated at 0.1 s samples the
        // minimum of g is flat (g'' = 5.9 /s, so 0.05 s off the minimum costs 0.007 s).
        List<ConflictEvent> events = crossing(5.2);

        assertThat(events).hasSize(1);
        ConflictEvent e = events.getFirst();
        assertThat(e.minPetS()).isCloseTo(0.521, within(0.02));
        assertThat(e.minTtcS()).isNaN();
        assertThat(e.type()).isEqualTo(ConflictType.CROSSING);
        assertThat(e.firstId()).isEqualTo(1);
        assertThat(e.secondId()).isEqualTo(2);
        // The spot: car 2 at (0, -3.39), car 1 when it left (3.39, 0): midpoint (1.70, -1.70).
        assertThat(Scenario.FRAME.east(e.longitude())).isCloseTo(1.70, within(0.15));
        assertThat(Scenario.FRAME.north(e.latitude())).isCloseTo(-1.70, within(0.15));
        assertThat(e.firstSpeedMps()).isCloseTo(10, within(1e-9));
    }

    @Test
    void shouldIgnoreGapsAboveTheVehicleThreshold() {
        // tau0 = 5.8 s: PET 1.121 s > 1.0 s; the rectangles never meet either (car 1's rear clears x = 0.95 at 4.335 s,
        // car 2's front reaches y = -0.95 at 5.465 s).
        assertThat(crossing(5.8)).isEmpty();
    }

    @Test
    void shouldFlagJustBelowTheVehicleThreshold() {
        // tau0 = 5.6 s: PET 0.921 s <= 1.0 s.
        List<ConflictEvent> events = crossing(5.6);

        assertThat(events).hasSize(1);
        assertThat(events.getFirst().minPetS()).isCloseTo(0.921, within(0.02));
    }
}
