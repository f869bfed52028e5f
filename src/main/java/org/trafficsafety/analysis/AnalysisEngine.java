package org.trafficsafety.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.trafficsafety.analysis.index.EbPriorProvider;
import org.trafficsafety.analysis.index.NormalizationConstants;
import org.trafficsafety.analysis.index.SafetyIndexCalculator;
import org.trafficsafety.analysis.zone.IntersectionRegistry;
import org.trafficsafety.analysis.zone.NewIntersectionListener;
import org.trafficsafety.analysis.zone.Zone;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.MapData;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.MessageListener;
import org.trafficsafety.message.MessageType;
import org.trafficsafety.message.Psm;
import org.trafficsafety.message.RejectReason;
import org.trafficsafety.message.Spat;

/**
 * Turns a message stream into conflict events and per-minute safety-index rows (design section 6). Sits directly
 * behind a decoder or source as its {@link MessageListener}.
 *
 * <p>Each BSM/PSM is assigned to an intersection's zone; MapData registers intersections; SPaT is counted and not
 * used by tsi-1. Every intersection keeps its own state and its own <b>event-time watermark</b> (the newest event
 * time seen there): a global watermark would let one busy intersection's clock decide what is late at another,
 * so a minute's output would depend on other intersections' messages, which section 11 rules out (partitioning by
 * intersection must not change results). Messages wait in a buffer until the watermark has passed them by the
 * lateness (default 10 s), then feed tracks, conflicts and features in event-time order; a message older than
 * that frontier is late: counted and passed to {@link AnalysisListener#onLate}, never analyzed. A minute closes
 * when the frontier passes its end and no encounter that started in it is still open; then its index row is
 * computed with the current constants and EB prior and emitted. Conflict events are emitted as they close, always
 * before the row of the minute they are counted in.
 *
 * <p>Deterministic: the same messages in the same order give the same events and rows in the same order; and since
 * ties in event time are broken by kind and id, any arrival order within the lateness gives the same features.
 * A quiet intersection's last minute waits for its next message, {@link #advanceTo} (a live heartbeat) or
 * {@link #flush} (end of input). Not thread-safe: one engine per analysis thread.
 */
public final class AnalysisEngine implements MessageListener {

    private final AnalysisSettings settings;
    private final IntersectionRegistry registry;
    private final SafetyIndexCalculator calculator;
    private final Supplier<NormalizationConstants> constants;
    private final EbPriorProvider prior;
    private final AnalysisListener listener;
    private final NewIntersectionListener newIntersections;
    private final EngineCounts counts = new EngineCounts();
    /** Indexed by {@link Zone#slot()}. */
    private final List<IntersectionAnalysis> bySlot = new ArrayList<>();

    /**
     * @param intersections    the intersections known at start (e.g. {@link Intersection#seeded()} or the table)
     * @param constants        the normalization constants in force; asked once per closed minute
     * @param prior            the EB prior; it is shown every emitted row
     * @param newIntersections told about intersections first seen in MapData (after the engine has adopted them)
     */
    public AnalysisEngine(List<Intersection> intersections, AnalysisSettings settings,
            Supplier<NormalizationConstants> constants, EbPriorProvider prior, AnalysisListener listener,
            NewIntersectionListener newIntersections) {
        this.settings = settings;
        this.calculator = new SafetyIndexCalculator(settings.ebK());
        this.constants = constants;
        this.prior = prior;
        this.listener = listener;
        this.newIntersections = newIntersections;
        this.registry = new IntersectionRegistry(intersections, settings.aliases(), settings.zoneRadiusM(),
                settings.laneMarginM(), this::adopt);
        for (Zone zone : registry.zones()) {
            bySlot.add(newAnalysis(zone));
        }
    }

    @Override
    public void onMessage(Message message) {
        switch (message) {
            case Bsm b -> route(b, b.latitude(), b.longitude(), b.source());
            case Psm p -> route(p, p.latitude(), p.longitude(), p.source());
            case MapData m -> {
                counts.mapData++;
                for (MapData.IntersectionGeometry geometry : m.intersections()) {
                    registry.register(geometry).ifPresent(zone -> bySlot.get(zone.slot()).useGeometry(geometry));
                }
            }
            case Spat s -> counts.spat++;
        }
    }

    @Override
    public void onRejected(MessageType type, RejectReason reason, String detail) {
        counts.rejected++;
    }

    /**
     * Declares that event time has reached {@code nowMs} at every intersection, so quiet ones close their minutes
     * too. For live operation (call it from a clock, e.g. every few seconds with the current time); replays and
     * backfills rely on the messages alone and {@link #flush}. Messages older than {@code nowMs} minus the lateness
     * are late afterwards.
     */
    public void advanceTo(long nowMs) {
        for (IntersectionAnalysis analysis : inIdOrder()) {
            analysis.advanceTo(nowMs);
        }
    }

    /** End of input: feeds every buffered message, closes every encounter and every minute, in intersection id order. */
    public void flush() {
        for (IntersectionAnalysis analysis : inIdOrder()) {
            analysis.flush();
        }
    }

    public AnalysisCounters counters() {
        return counts.snapshot();
    }

    /** The intersections known now, in registration order (the start list, then those from MapData). */
    public List<Intersection> intersections() {
        return registry.zones().stream().map(Zone::intersection).toList();
    }

    public Optional<Zone> findZone(int intersectionId) {
        return registry.findById(intersectionId);
    }

    private void route(Message message, double latitude, double longitude, String source) {
        Optional<Zone> zone = registry.findZone(latitude, longitude, source);
        if (zone.isEmpty()) {
            counts.outsideZones++;
            return;
        }
        bySlot.get(zone.get().slot()).accept(message);
    }

    private void adopt(Intersection intersection, MapData.IntersectionGeometry geometry) {
        Zone zone = registry.findById(intersection.id()).orElseThrow();
        bySlot.add(newAnalysis(zone));
        newIntersections.onNewIntersection(intersection, geometry);
    }

    private IntersectionAnalysis newAnalysis(Zone zone) {
        return new IntersectionAnalysis(zone, settings, calculator, constants, prior, listener, counts);
    }

    private List<IntersectionAnalysis> inIdOrder() {
        List<IntersectionAnalysis> ordered = new ArrayList<>(bySlot);
        ordered.sort(Comparator.comparingInt(IntersectionAnalysis::intersectionId));
        return ordered;
    }
}
