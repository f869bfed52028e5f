package org.trafficsafety.analysis;

import java.util.List;
import org.trafficsafety.analysis.geometry.LocalFrame;
import org.trafficsafety.analysis.index.EbPriorProvider;
import org.trafficsafety.analysis.index.NormalizationConstants;
import org.trafficsafety.analysis.index.TrailingHistoryPrior;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.Psm;
import org.trafficsafety.message.VruType;

/** Messages placed in the local frames of the seeded intersections, and engines to feed them to. */
final class EngineFixtures {

    /** 2026-11-24T08:00:00Z, a Tuesday. */
    static final long T0 = 1_795_507_200_000L;
    static final Intersection I156 = Intersection.seeded().get(0);
    static final Intersection I3837 = Intersection.seeded().get(3);
    static final LocalFrame F156 = frame(I156);
    static final LocalFrame F3837 = frame(I3837);

    private EngineFixtures() {
    }

    static LocalFrame frame(Intersection i) {
        return new LocalFrame(i.latitude(), i.longitude());
    }

    static Bsm bsm(LocalFrame frame, long id, long timeMs, double eastM, double northM, double speedMps, double headingDeg) {
        return new Bsm(id, (int) (timeMs / 100 % 128), (int) (timeMs % 60_000), timeMs, timeMs + 50,
                frame.latitude(northM), frame.longitude(eastM), 0, speedMps, headingDeg, Double.NaN, Double.NaN,
                Double.NaN, 0, 4.8, 1.9, "test");
    }

    static Bsm bsm(long id, long timeMs, double eastM, double northM, double speedMps) {
        return bsm(F156, id, timeMs, eastM, northM, speedMps, 90);
    }

    static Psm psm(long id, long timeMs, double eastM, double northM) {
        return new Psm(id, (int) (timeMs / 100 % 128), (int) (timeMs % 60_000), timeMs, timeMs + 50,
                VruType.PEDESTRIAN, F156.latitude(northM), F156.longitude(eastM), 0, 1.2, 0, "test");
    }

    static AnalysisEngine engine(AnalysisListener listener) {
        return engine(listener, new TrailingHistoryPrior());
    }

    static AnalysisEngine engine(AnalysisListener listener, EbPriorProvider prior) {
        return new AnalysisEngine(Intersection.seeded(), AnalysisSettings.defaults(), NormalizationConstants::defaults,
                prior, listener, (intersection, geometry) -> { });
    }

    static List<Intersection> seeded() {
        return Intersection.seeded();
    }
}
