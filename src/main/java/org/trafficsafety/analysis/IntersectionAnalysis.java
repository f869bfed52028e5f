package org.trafficsafety.analysis;

import java.util.Comparator;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.trafficsafety.analysis.conflict.ConflictDetector;
import org.trafficsafety.analysis.conflict.RoadUserObservation;
import org.trafficsafety.analysis.feature.MinuteFeatureAccumulator;
import org.trafficsafety.analysis.geometry.LocalFrame;
import org.trafficsafety.analysis.index.EbPriorProvider;
import org.trafficsafety.analysis.index.NormalizationConstants;
import org.trafficsafety.analysis.index.SafetyIndexCalculator;
import org.trafficsafety.analysis.zone.Zone;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.MapData;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.Psm;

/**
 * The self-contained analysis state of one intersection: its event-time watermark, a buffer that restores event
 * order within the lateness, the conflict detector and the open minutes. Its output depends on its own messages
 * only (design section 11).
 */
final class IntersectionAnalysis {

    private static final long MINUTE_MS = 60_000L;

    /** Event order; ties broken by kind and id so that the order never depends on arrival. */
    static final Comparator<Message> EVENT_ORDER = (a, b) -> {
        int c = Long.compare(a.eventTimeMs(), b.eventTimeMs());
        if (c == 0) {
            c = Integer.compare(a.type().ordinal(), b.type().ordinal());
        }
        if (c == 0) {
            c = Long.compareUnsigned(idOf(a), idOf(b));
        }
        return c != 0 ? c : Integer.compare(msgCntOf(a), msgCntOf(b));
    };

    private final Zone zone;
    private final LocalFrame frame;
    private final long latenessMs;
    private final ConflictDetector detector;
    private final MinuteFeatureAccumulator features;
    private final SafetyIndexCalculator calculator;
    private final Supplier<NormalizationConstants> constants;
    private final EbPriorProvider prior;
    private final AnalysisListener listener;
    private final EngineCounts counts;
    private final ReorderBuffer pending = new ReorderBuffer(EVENT_ORDER);
    private final Consumer<ConflictEvent> closedEvents = this::onClosedEvent;
    private long watermarkMs = Long.MIN_VALUE;
    /** Messages older than this are late: everything before it has been fed on, or its minute closed. */
    private long frontierMs = Long.MIN_VALUE;

    IntersectionAnalysis(Zone zone, AnalysisSettings settings, SafetyIndexCalculator calculator,
            Supplier<NormalizationConstants> constants, EbPriorProvider prior, AnalysisListener listener,
            EngineCounts counts) {
        int id = zone.intersection().id();
        this.zone = zone;
        this.frame = zone.frame();
        this.latenessMs = settings.lateness().toMillis();
        this.detector = new ConflictDetector(id, frame, settings.conflicts());
        this.features = new MinuteFeatureAccumulator(id, settings.features());
        this.calculator = calculator;
        this.constants = constants;
        this.prior = prior;
        this.listener = listener;
        this.counts = counts;
    }

    /** This intersection's MapData: conflict detection keeps to its carriageway. */
    void useGeometry(MapData.IntersectionGeometry geometry) {
        detector.useGeometry(geometry);
    }

    int intersectionId() {
        return zone.intersection().id();
    }

    /** A BSM or PSM of this intersection's zone. */
    void accept(Message message) {
        long t = message.eventTimeMs();
        if (t < frontierMs) {
            counts.late++;
            listener.onLate(message);
            return;
        }
        pending.add(message);
        if (t > watermarkMs) {
            watermarkMs = t;
            release(t - latenessMs);
        }
    }

    /** Event time has reached {@code nowMs} here even without messages (live heartbeat). */
    void advanceTo(long nowMs) {
        if (nowMs > watermarkMs) {
            watermarkMs = nowMs;
            release(nowMs - latenessMs);
        }
    }

    /** End of input: feed everything, close every encounter and every minute. */
    void flush() {
        while (!pending.isEmpty()) {
            feed(pending.poll());
        }
        detector.flush(closedEvents);
        while (features.hasOpenMinute()) {
            long end = features.oldestOpenMinuteStartMs() + MINUTE_MS;
            frontierMs = Math.max(frontierMs, end);
            closeOldestMinute();
        }
    }

    private void release(long newFrontierMs) {
        if (newFrontierMs <= frontierMs) {
            return;
        }
        frontierMs = newFrontierMs;
        // strictly before the frontier: a message at the frontier itself is still in time, and must join its instant
        while (pending.peekTimeMs() < frontierMs) {
            feed(pending.poll());
        }
        detector.advanceTo(frontierMs, closedEvents);
        while (features.hasOpenMinute()) {
            long end = features.oldestOpenMinuteStartMs() + MINUTE_MS;
            if (end > frontierMs || detector.earliestOpenEncounterStartMs() < end) {
                return;
            }
            closeOldestMinute();
        }
    }

    private void feed(Message message) {
        counts.analyzed++;
        switch (message) {
            case Bsm b -> {
                features.observeVehicle(b.id(), b.eventTimeMs(), b.speedMps(), b.accelLonMps2());
                detector.observe(new RoadUserObservation(b.id(), RoadUserKind.VEHICLE, b.eventTimeMs(),
                        frame.east(b.longitude()), frame.north(b.latitude()), b.speedMps(), b.headingDeg(),
                        b.yawRateDegS(), b.accelLonMps2(), b.lengthM(), b.widthM()), closedEvents);
            }
            case Psm p -> {
                features.observeVru(p.id(), p.eventTimeMs());
                detector.observe(new RoadUserObservation(p.id(), RoadUserKind.of(p.basicType()), p.eventTimeMs(),
                        frame.east(p.longitude()), frame.north(p.latitude()), p.speedMps(), p.headingDeg(),
                        Double.NaN, Double.NaN, Double.NaN, Double.NaN), closedEvents);
            }
            default -> throw new IllegalStateException("only BSMs and PSMs are buffered, got " + message.type());
        }
    }

    private void onClosedEvent(ConflictEvent event) {
        counts.conflicts++;
        if (!features.countEvent(event)) {
            counts.eventsOutsideOpenMinute++;
        }
        listener.onConflict(event);
    }

    private void closeOldestMinute() {
        MinuteFeatures f = features.closeOldestMinute();
        SafetyIndexRow row = calculator.compute(f, constants.get(), prior.findPrior(f.intersectionId(), f.minuteStartMs()));
        prior.onRow(row);
        counts.minutes++;
        listener.onMinute(row);
    }

    private static long idOf(Message m) {
        return switch (m) {
            case Bsm b -> b.id();
            case Psm p -> p.id();
            default -> 0L;
        };
    }

    private static int msgCntOf(Message m) {
        return switch (m) {
            case Bsm b -> b.msgCnt();
            case Psm p -> p.msgCnt();
            default -> 0;
        };
    }
}
