package org.trafficsafety.analysis.conflict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;
import org.trafficsafety.analysis.track.Motion;

/** The same-lane test of parallel vehicles: an offset across the pair's mean direction, the same from either side. */
class LateralOffsetProperties {

    private static Motion at(double east, double north, double headingDeg) {
        Motion m = new Motion();
        m.start(east, north, headingDeg, 10, 0);
        return m;
    }

    @Property
    void shouldBeSymmetricInThePair(@ForAll @DoubleRange(min = -60, max = 60) double de,
                                    @ForAll @DoubleRange(min = -60, max = 60) double dn,
                                    @ForAll @DoubleRange(min = 0, max = 360) double heading,
                                    @ForAll @DoubleRange(min = -25, max = 25) double turn,
                                    @ForAll boolean opposite) {
        Motion a = at(3, -4, heading);
        Motion b = at(3 + de, -4 + dn, heading + turn + (opposite ? 180 : 0));

        assertThat(ConflictDetector.lateralOffsetM(a, b)).isCloseTo(ConflictDetector.lateralOffsetM(b, a), within(1e-9));
    }

    @Property
    void shouldNotDependOnTheFrame(@ForAll @DoubleRange(min = -60, max = 60) double de,
                                   @ForAll @DoubleRange(min = -60, max = 60) double dn,
                                   @ForAll @DoubleRange(min = -25, max = 25) double turn,
                                   @ForAll @DoubleRange(min = 0, max = 360) double rotation) {
        double r = Math.toRadians(rotation);
        // the same pair in a frame rotated by `rotation` (clockwise) and shifted
        double re = de * Math.cos(r) - dn * Math.sin(r);
        double rn = de * Math.sin(r) + dn * Math.cos(r);
        double plain = ConflictDetector.lateralOffsetM(at(0, 0, 90), at(de, dn, 90 + turn));
        double rotated = ConflictDetector.lateralOffsetM(at(7, 11, 90 - rotation), at(7 + re, 11 + rn, 90 + turn - rotation));

        assertThat(rotated).isCloseTo(plain, within(1e-9));
    }

    @Test
    void shouldMeasureAcrossTheMeanHeading() {
        // Leader 16 m ahead (east) and 1.0 m to the left (north) of the follower. Headings 89 and 91 deg: the mean
        // is east, so the offset is the 1.0 m across it. Across the follower's own 91 deg heading it would be
        // 1.0 cos 1 + 16 sin 1 = 1.28 m (out of a 1.2 m lane), across the leader's 89 deg 0.72 m.
        Motion follower = at(0, 0, 91);
        Motion leader = at(16, 1.0, 89);

        assertThat(ConflictDetector.lateralOffsetM(follower, leader)).isCloseTo(1.0, within(1e-9));
        // opposite directions: 1.5 m across the road, wherever along it
        assertThat(ConflictDetector.lateralOffsetM(at(0, 0, 90), at(-30, 1.5, 270))).isCloseTo(1.5, within(1e-9));
    }
}
