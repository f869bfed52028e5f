package org.trafficsafety.analysis.conflict;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import org.trafficsafety.analysis.geometry.Carriageway;
import org.trafficsafety.analysis.RoadUserKind;
import org.trafficsafety.analysis.track.Motion;

/** TTC is a property of the pair's relative motion: symmetric, frame-independent, never negative. */
class TimeToCollisionProperties {

    private static final double HORIZON_S = 3.0;
    private static final double STEP_S = 0.1;
    private final ConflictParameters parameters = ConflictParameters.defaults();

    record State(double east, double north, double headingDeg, double speed, double yawRadS) {
        Motion motion() {
            Motion m = new Motion();
            m.start(east, north, headingDeg, speed, yawRadS);
            return m;
        }

        /** The same state seen from a frame rotated by angleDeg (clockwise) and shifted by (de, dn). */
        State moved(double angleDeg, double de, double dn) {
            double a = Math.toRadians(angleDeg);
            double e = east * Math.cos(a) - north * Math.sin(a);
            double n = east * Math.sin(a) + north * Math.cos(a);
            return new State(e + de, n + dn, headingDeg - angleDeg, speed, yawRadS);
        }
    }

    @Provide
    Arbitrary<State> states() {
        return Combinators.combine(
                Arbitraries.doubles().between(-15, 15), Arbitraries.doubles().between(-15, 15),
                Arbitraries.doubles().between(0, 360), Arbitraries.doubles().between(0, 20),
                Arbitraries.doubles().between(-0.8, 0.8)).as(State::new);
    }

    @Provide
    Arbitrary<RoadUserKind> kinds() {
        return Arbitraries.of(RoadUserKind.VEHICLE, RoadUserKind.PEDESTRIAN);
    }

    private double ttc(RoadUserKind kindA, State a, RoadUserKind kindB, State b) {
        RoadUser userA = new RoadUser(1, kindA, parameters);
        RoadUser userB = new RoadUser(2, kindB, parameters);
        return new TimeToCollision().compute(userA, a.motion(), userB, b.motion(), HORIZON_S, STEP_S, 0.0, Carriageway.everywhere());
    }

    @Property(seed = "20261124")
    void shouldBeSymmetricInThePair(@ForAll("states") State a, @ForAll("states") State b,
                                    @ForAll("kinds") RoadUserKind kindB) {
        assertThat(ttc(RoadUserKind.VEHICLE, a, kindB, b)).isEqualTo(ttc(kindB, b, RoadUserKind.VEHICLE, a));
    }

    @Property(seed = "20261124")
    void shouldNotDependOnTheFrame(@ForAll("states") State a, @ForAll("states") State b,
                                   @ForAll("kinds") RoadUserKind kindB,
                                   @ForAll @DoubleRange(min = 0, max = 360) double angleDeg,
                                   @ForAll @DoubleRange(min = -500, max = 500) double de,
                                   @ForAll @DoubleRange(min = -500, max = 500) double dn) {
        double original = ttc(RoadUserKind.VEHICLE, a, kindB, b);
        double moved = ttc(RoadUserKind.VEHICLE, a.moved(angleDeg, de, dn), kindB, b.moved(angleDeg, de, dn));

        // Rounding may move a contact that falls exactly on a step boundary by one step, never more.
        if (Double.isInfinite(original) || Double.isInfinite(moved)) {
            assertThat(Math.min(original, moved)).isIn(HORIZON_S, Double.POSITIVE_INFINITY);
        } else {
            assertThat(Math.abs(original - moved)).isLessThanOrEqualTo(STEP_S + 1e-9);
        }
    }

    @Property(seed = "20261124")
    void shouldNeverBeNegative(@ForAll("states") State a, @ForAll("states") State b, @ForAll("kinds") RoadUserKind kindB) {
        assertThat(ttc(RoadUserKind.VEHICLE, a, kindB, b)).isGreaterThanOrEqualTo(0.0);
    }
}
