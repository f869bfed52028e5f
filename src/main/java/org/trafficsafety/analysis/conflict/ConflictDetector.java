package org.trafficsafety.analysis.conflict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.ConflictType;
import org.trafficsafety.analysis.geometry.Carriageway;
import org.trafficsafety.analysis.geometry.LocalFrame;
import org.trafficsafety.analysis.track.Motion;
import org.trafficsafety.analysis.track.Track;
import org.trafficsafety.message.MapData;

/**
 * Finds conflicts between the road users of one intersection (design section 6).
 *
 * <p>Each observation updates its user's smoothed track; then the user is evaluated against every other user.
 * TTC: on a 100 ms grid of instants a smoothing lag (3 s) behind the newest samples, where both tracks are
 * interpolated and their positions smoothed, both users are predicted with constant speed and turn rate and their
 * bodies (rectangles, discs) tested for overlap; a flag needs the closing speed and must hold at every instant
 * over 0.5 s. PET: the observed user's body, on its path since its previous sample taken the same lag back, is
 * checked against the other's recently swept path (at most 1 s extrapolated). Flags of a pair within 5 s form one
 * encounter, which becomes one {@link ConflictEvent} when it closes.
 *
 * <p>Cost: a distance bound and the closing-speed test discard most pairs; no allocation per observation except
 * for a new user or a flagged pair. One per intersection; not thread-safe.
 */
public final class ConflictDetector {

    private static final long SWEEP_INTERVAL_MS = 500;
    /** A pair with no flag and no evaluation for this long holds nothing worth keeping. */
    private static final long STALE_PAIR_MS = 2_000;

    private final int intersectionId;
    private final LocalFrame frame;
    private final ConflictParameters parameters;
    private final Map<Long, RoadUser> usersByKey = new HashMap<>();
    private final List<RoadUser> users = new ArrayList<>();
    private final List<Pair> pairs = new ArrayList<>();
    private final List<ConflictEvent> closing = new ArrayList<>();
    private final TimeToCollision timeToCollision = new TimeToCollision();
    private final PostEncroachment postEncroachment;
    private final Motion motionA = new Motion();
    private final Motion motionB = new Motion();
    private final Motion instantA = new Motion();
    private final Motion instantB = new Motion();
    private final long evaluationStepMs;
    /** TTC is evaluated this far behind the newest samples (the tracks' smoothing lag). */
    private final long lagMs;
    /**
     * An encounter closes when event time is this far past its last flag: the merge gap measured at the instants
     * TTC has reached, which trail the newest samples by the lag and, for a pair, wait for the slower user's next
     * sample (at most the track gap reset: a 1 Hz pedestrian's instants come up to 1 s later than a car's).
     */
    private final long closeAfterMs;
    private final double ttcStepS;
    private long nowMs = Long.MIN_VALUE;
    private long nextSweepMs = Long.MIN_VALUE;
    /** No open encounter is due to close before this time (a lower bound: flags only postpone closing). */
    private long closeDueMs = Long.MAX_VALUE;
    private long outOfOrder;
    private Carriageway carriageway = Carriageway.everywhere();
    /** Revision of the MapData the carriageway comes from; -1 before the first. */
    private int carriagewayRevision = -1;

    public ConflictDetector(int intersectionId, LocalFrame frame, ConflictParameters parameters) {
        if (frame == null || parameters == null) {
            throw new IllegalArgumentException("frame and parameters must not be null");
        }
        this.intersectionId = intersectionId;
        this.frame = frame;
        this.parameters = parameters;
        this.ttcStepS = parameters.ttcStepMs() / 1000.0;
        this.evaluationStepMs = parameters.ttcEvaluationStepMs();
        this.lagMs = parameters.track().smoothingLagMs();
        this.closeAfterMs = parameters.encounterMergeMs() + 1 + lagMs + parameters.track().gapResetMs();
        this.postEncroachment = new PostEncroachment(parameters);
    }

    /**
     * The intersection's MapData: vehicle–VRU TTC counts only with the VRU on its carriageway at the predicted
     * collision, rebuilt when the revision changes. Until the first, the carriageway is everywhere.
     */
    public void useGeometry(MapData.IntersectionGeometry geometry) {
        if (geometry.revision() != carriagewayRevision) {
            carriagewayRevision = geometry.revision();
            carriageway = Carriageway.of(geometry, frame, parameters.carriagewayMarginM());
        }
    }

    /**
     * Observations arrive in non-decreasing timeMs order (the caller sorts within its lateness window). A sample
     * older than its user's last one is counted in {@link #outOfOrderCount()} and skipped.
     */
    public void observe(RoadUserObservation o, Consumer<ConflictEvent> closedEvents) {
        long t = o.timeMs();
        if (t > nowMs) {
            nowMs = t;
        }
        if (nowMs >= nextSweepMs || nowMs >= closeDueMs) {
            sweep(nowMs, closedEvents);
        }
        long key = RoadUser.key(o.id(), o.kind());
        RoadUser user = usersByKey.get(key);
        if (user == null) {
            user = new RoadUser(o.id(), o.kind(), parameters);
            usersByKey.put(key, user);
            users.add(user);
        }
        user.updateDimensions(o.lengthM(), o.widthM());
        if (!user.track.update(t, o.eastM(), o.northM(), o.speedMps(), o.headingDeg(), o.yawRateDegS(),
                o.accelLonMps2())) {
            outOfOrder++;
            return;
        }
        long lagged = Math.max(user.track.firstTimeMs(), t - lagMs);
        user.track.stateAt(lagged, motionA);
        user.laggedTimeMs = lagged;
        user.laggedEastM = motionA.eastM();
        user.laggedNorthM = motionA.northM();
        evaluate(user, t, closedEvents);
    }

    /**
     * Time has advanced to nowMs with no observation: close encounters whose last flag is more than the merge
     * gap (5 s) old, forget users silent for longer than their retention. Cheap enough to call per message:
     * it does work only when an encounter is due or every 0.5 s of event time.
     */
    public void advanceTo(long nowMs, Consumer<ConflictEvent> closedEvents) {
        if (nowMs > this.nowMs) {
            this.nowMs = nowMs;
        }
        if (this.nowMs >= nextSweepMs || this.nowMs >= closeDueMs) {
            sweep(this.nowMs, closedEvents);
        }
    }

    /**
     * Start time of the earliest encounter still open (or of a run of TTC flags that may still become one), or
     * Long.MAX_VALUE: a minute is not closed while an encounter that started in it is open.
     */
    public long earliestOpenEncounterStartMs() {
        long earliest = Long.MAX_VALUE;
        for (Pair pair : pairs) {
            if (pair.isOpen()) {
                earliest = Math.min(earliest, pair.encounterStartMs);
            }
            if (pair.holdStartMs != Pair.NONE) {
                earliest = Math.min(earliest, pair.holdStartMs);
            }
        }
        return earliest;
    }

    /** Closes everything (end of input): open encounters become events, unconfirmed flags are dropped. */
    public void flush(Consumer<ConflictEvent> closedEvents) {
        for (int i = 0; i < users.size(); i++) {
            for (int j = i + 1; j < users.size(); j++) {
                drain(users.get(i), users.get(j), closedEvents);
            }
        }
        closing.clear();
        for (Pair pair : pairs) {
            if (pair.isOpen()) {
                closing.add(close(pair));
            }
        }
        pairs.clear();
        users.clear();
        usersByKey.clear();
        emit(closedEvents);
    }

    /** Samples skipped because they were older than their user's previous sample. */
    public long outOfOrderCount() {
        return outOfOrder;
    }

    /** Road users currently tracked. */
    public int trackedUserCount() {
        return users.size();
    }

    /**
     * Evaluates the new sample of a against every other user. TTC is evaluated on a fixed grid of instants
     * ({@code ttcEvaluationStepMs}) at which both tracks are known by interpolation: the instants since a's
     * previous sample up to b's last one, both taken a smoothing lag back. Instants past that for b are evaluated
     * when b's next sample comes, so each instant of a pair is evaluated once, in time order, and never on an
     * extrapolated state (a pedestrian carried forward a second past the kerb, or a car past the stop line it
     * stopped at, made false conflicts at 1 Hz PSMs). PET is evaluated along a's path over the same span, a lag back.
     */
    private void evaluate(RoadUser a, long t, Consumer<ConflictEvent> sink) {
        if (!settled(a)) {
            return;
        }
        long previous = a.track.previousTimeMs();
        // PET runs on the same lagged, smoothed timeline as TTC: a's path over the lagged span since its previous
        // sample, so flags of both measures reach an encounter in time order.
        long petToMs = Math.max(a.track.firstTimeMs(), t - lagMs);
        long petFromMs = previous == Track.NO_TIME ? petToMs
                : Math.max(a.track.firstTimeMs(), previous - lagMs + parameters.petStepMs());
        double enteringS = (petToMs - petFromMs) / 1000.0;
        a.track.stateAt(petToMs, motionA);
        long firstInstantMs = Math.max(a.track.firstTimeMs(),
                (previous == Track.NO_TIME ? t - evaluationStepMs : previous) - lagMs + 1);
        double windowS = (t - lagMs - firstInstantMs) / 1000.0;
        for (int i = 0, n = users.size(); i < n; i++) {
            RoadUser b = users.get(i);
            if (b == a || (a.isVru() && b.isVru())) {
                continue;
            }
            boolean usable = settled(b);
            boolean ttcPossible = usable && withinTtcReach(a, b, windowS);
            boolean petPossible = usable && !outOfReach(a, b, enteringS);
            if (ttcPossible) {
                evaluateTtc(a, b, Math.max(firstInstantMs, b.track.firstTimeMs()),
                        Math.min(t, b.track.lastTimeMs()) - lagMs, sink);
            } else if (!a.pairs.isEmpty()) {
                breakTtcRun(a.pairWith(b));
            }
            if (petPossible) {
                evaluatePet(a, b, petFromMs, petToMs, enteringS, sink);
            }
        }
    }

    /** PET of a entering b's recent path along a's path over [fromMs, toMs]; motionA holds a's state at toMs. */
    private void evaluatePet(RoadUser a, RoadUser b, long fromMs, long toMs, double enteringS,
                             Consumer<ConflictEvent> sink) {
        if (!b.track.covers(toMs)) {
            return;
        }
        b.track.stateAt(toMs, motionB);
        double de = motionB.eastM() - motionA.eastM();
        double dn = motionB.northM() - motionA.northM();
        boolean vru = a.isVru() || b.isVru();
        if (postEncroachment.possible(a, motionA, b, motionB, enteringS, de * de + dn * dn)
                && postEncroachment.measure(a, b, fromMs, toMs, parameters.petThresholdS(vru))) {
            recordPet(a, b, toMs, sink);
        }
    }

    /**
     * Instants of a pair that the lag left unevaluated because one of them sent nothing more (it left, or the
     * input ended): TTC over the last {@code smoothingLagMs} before the earlier of their last samples, PET of each
     * along its path over its own last lag.
     */
    private void drain(RoadUser a, RoadUser b, Consumer<ConflictEvent> sink) {
        if ((a.isVru() && b.isVru()) || !settled(a) || !settled(b)) {
            return;
        }
        long last = Math.min(a.track.lastTimeMs(), b.track.lastTimeMs());
        long from = Math.max(last - lagMs + 1,
                Math.max(a.track.firstTimeMs(), b.track.firstTimeMs()));
        evaluateTtc(a, b, from, last, sink);
        if (lagMs > 0) {
            drainPet(a, b, sink);
            drainPet(b, a, sink);
        }
    }

    private void drainPet(RoadUser a, RoadUser b, Consumer<ConflictEvent> sink) {
        long to = a.track.lastTimeMs();
        long from = Math.max(a.track.firstTimeMs(), to - lagMs + parameters.petStepMs());
        a.track.stateAt(to, motionA);
        evaluatePet(a, b, from, to, (to - from) / 1000.0, sink);
    }

    /** True when the user's track has samples and is settled enough to take part in evaluations. */
    private boolean settled(RoadUser u) {
        return !u.track.isEmpty() && u.track.positionUncertaintyM() <= parameters.maxUncertaintyM(u.isVru());
    }

    /** TTC of a and b at the grid instants within [fromMs, toMs], both tracks interpolated. */
    private void evaluateTtc(RoadUser a, RoadUser b, long fromMs, long toMs, Consumer<ConflictEvent> sink) {
        boolean vru = a.isVru() || b.isVru();
        double horizonS = parameters.ttcThresholdS(vru);
        double closingMps = parameters.closingSpeedMps(vru);
        double bodies = a.boundingRadiusM() + b.boundingRadiusM();
        for (long at = Math.ceilDiv(fromMs, evaluationStepMs) * evaluationStepMs; at <= toMs; at += evaluationStepMs) {
            a.track.stateAt(at, instantA);
            b.track.stateAt(at, instantB);
            double de = instantB.eastM() - instantA.eastM();
            double dn = instantB.northM() - instantA.northM();
            double ttcReach = (instantA.speedMps() + instantB.speedMps()) * horizonS + bodies;
            double ttc = TimeToCollision.NONE;
            if (de * de + dn * dn <= ttcReach * ttcReach
                    && TimeToCollision.closingSpeedMps(instantA, instantB) >= closingMps
                    && (vru || inOneLaneIfParallel(instantA, instantB))) {
                ttc = timeToCollision.compute(a, instantA, b, instantB, horizonS, ttcStepS, parameters.ttcBodyMarginM(), carriageway);
            }
            recordTtc(a, b, at, ttc, instantA, instantB, sink);
        }
    }

    /**
     * Vehicles on parallel headings (within the minimum path angle of the same or the opposite direction) can
     * only collide in one lane: true when they are not parallel or their centres are within the same-lane
     * lateral offset. Position noise at 2 Hz leaves about 0.5 m of lateral error per track, enough to make
     * rectangles in adjacent lanes (1.8 m apart) touch now and then; requiring the same lane removes that.
     */
    private boolean inOneLaneIfParallel(Motion ma, Motion mb) {
        double angle = Math.abs(Track.angleDifference(ma.headingDeg(), mb.headingDeg()));
        if (angle > 90) {
            angle = 180 - angle;
        }
        return angle >= parameters.petMinPathAngleDeg() || lateralOffsetM(ma, mb) <= parameters.parallelMaxLateralOffsetM();
    }

    /**
     * Distance between two users' centres across their mean direction of travel (of the same or the opposite
     * direction), m. Symmetric in the pair: measured across one user's own heading, a 1 degree heading error of
     * that user over 16 m of headway moves the offset by 0.3 m, and which of the two is evaluated first decided
     * whether a rear-end in one lane counted as one.
     */
    static double lateralOffsetM(Motion ma, Motion mb) {
        double sign = ma.sinHeading() * mb.sinHeading() + ma.cosHeading() * mb.cosHeading() >= 0 ? 1 : -1;
        double ue = ma.sinHeading() + sign * mb.sinHeading();
        double un = ma.cosHeading() + sign * mb.cosHeading();
        double de = mb.eastM() - ma.eastM();
        double dn = mb.northM() - ma.northM();
        return Math.abs(de * un - dn * ue) / Math.sqrt(ue * ue + un * un);
    }

    /**
     * False when a and b are too far apart for a TTC flag at any instant of a's window: their lagged states (each
     * user's state a lag behind its last sample), the bound of the exact test widened by the window and by how far
     * apart in time the two lagged states are.
     */
    private boolean withinTtcReach(RoadUser a, RoadUser b, double windowS) {
        boolean vru = a.isVru() || b.isVru();
        double speeds = a.track.recentMaxSpeedMps() + b.track.recentMaxSpeedMps();
        double apartS = Math.abs(a.laggedTimeMs - b.laggedTimeMs) / 1000.0;
        double reach = speeds * (parameters.ttcThresholdS(vru) + windowS + apartS) + a.boundingRadiusM() + b.boundingRadiusM();
        double de = b.laggedEastM - a.laggedEastM;
        double dn = b.laggedNorthM - a.laggedNorthM;
        return de * de + dn * dn <= reach * reach;
    }

    /** A pair out of TTC reach has no flag at those instants: its run of flags, if any, is broken. */
    private static void breakTtcRun(Pair pair) {
        if (pair != null) {
            pair.holdStartMs = Pair.NONE;
            pair.pendingTtc.clear();
        }
    }

    /**
     * True when b is too far from a for a PET flag: the bound of the exact test on their lagged states, widened by
     * how far b can move between the two lagged times.
     */
    private boolean outOfReach(RoadUser a, RoadUser b, double enteringS) {
        boolean vru = a.isVru() || b.isVru();
        double otherMaxSpeed = b.track.recentMaxSpeedMps();
        double petReach = a.track.recentMaxSpeedMps() * enteringS
                + otherMaxSpeed * (enteringS + parameters.petThresholdS(vru)) + a.petRadiusM() + b.petRadiusM();
        double reach = petReach + otherMaxSpeed * Math.abs(a.laggedTimeMs - b.laggedTimeMs) / 1000.0;
        double de = b.laggedEastM - a.laggedEastM;
        double dn = b.laggedNorthM - a.laggedNorthM;
        return de * de + dn * dn > reach * reach;
    }

    private void recordTtc(RoadUser a, RoadUser b, long t, double ttc, Motion ma, Motion mb, Consumer<ConflictEvent> sink) {
        boolean flagged = ttc != TimeToCollision.NONE;
        Pair pair;
        if (flagged) {
            pair = pairOf(a, b);
        } else {
            pair = a.pairWith(b);
            if (pair == null) {
                return;
            }
        }
        long previousTtcMs = pair.lastTtcEvaluationMs;
        pair.lastTtcEvaluationMs = t;
        pair.lastEvaluatedMs = Math.max(pair.lastEvaluatedMs, t);
        if (!flagged) {
            pair.holdStartMs = Pair.NONE;
            pair.pendingTtc.clear();
            return;
        }
        if (pair.holdStartMs == Pair.NONE || t - previousTtcMs > evaluationStepMs) {
            pair.holdStartMs = t;
            pair.pendingTtc.clear();
        }
        boolean aFirst = pair.first == a;
        pair.pendingTtc.offer(ttc, t, Track.angleDifference(ma.headingDeg(), mb.headingDeg()),
                (ma.eastM() + mb.eastM()) / 2, (ma.northM() + mb.northM()) / 2,
                aFirst ? ma.speedMps() : mb.speedMps(), aFirst ? mb.speedMps() : ma.speedMps());
        if (t - pair.holdStartMs >= parameters.persistenceMs()) {
            flag(pair, pair.holdStartMs, t, sink);
            pair.ttc.offer(pair.pendingTtc);
        }
    }

    private void recordPet(RoadUser a, RoadUser b, long t, Consumer<ConflictEvent> sink) {
        PostEncroachment pet = postEncroachment;
        Pair pair = pairOf(a, b);
        pair.lastEvaluatedMs = Math.max(pair.lastEvaluatedMs, t);
        flag(pair, pet.atMs, pet.atMs, sink);
        boolean aFirst = pair.first == a;
        pair.pet.offer(pet.gapS, pet.atMs, pet.headingDifferenceDeg, pet.midEastM, pet.midNorthM,
                aFirst ? pet.enteringSpeedMps : pet.otherSpeedMps, aFirst ? pet.otherSpeedMps : pet.enteringSpeedMps);
    }

    private Pair pairOf(RoadUser a, RoadUser b) {
        Pair pair = a.pairWith(b);
        if (pair == null) {
            pair = new Pair(a, b);
            pairs.add(pair);
            a.pairs.add(pair);
            b.pairs.add(pair);
        }
        return pair;
    }

    /** Adds flags at [fromMs, toMs] to the pair's encounter, closing the previous one if the gap is too long. */
    private void flag(Pair pair, long fromMs, long toMs, Consumer<ConflictEvent> sink) {
        if (pair.isOpen() && fromMs - pair.lastFlagMs > parameters.encounterMergeMs()) {
            sink.accept(close(pair));
        }
        if (pair.isOpen()) {
            pair.encounterStartMs = Math.min(pair.encounterStartMs, fromMs);
            pair.lastFlagMs = Math.max(pair.lastFlagMs, toMs);
        } else {
            pair.encounterStartMs = fromMs;
            pair.lastFlagMs = toMs;
        }
        closeDueMs = Math.min(closeDueMs, pair.lastFlagMs + closeAfterMs);
    }

    private void sweep(long now, Consumer<ConflictEvent> sink) {
        nextSweepMs = now + SWEEP_INTERVAL_MS;
        closeDueMs = Long.MAX_VALUE;
        closing.clear();
        for (Iterator<Pair> it = pairs.iterator(); it.hasNext(); ) {
            Pair pair = it.next();
            if (pair.isOpen() && now - pair.lastFlagMs >= closeAfterMs) {
                closing.add(close(pair));
            }
            if (pair.holdStartMs != Pair.NONE && now - pair.lastEvaluatedMs >= closeAfterMs) {
                pair.holdStartMs = Pair.NONE;
                pair.pendingTtc.clear();
            }
            if (pair.isOpen()) {
                closeDueMs = Math.min(closeDueMs, pair.lastFlagMs + closeAfterMs);
            } else if (pair.holdStartMs == Pair.NONE && now - pair.lastEvaluatedMs > STALE_PAIR_MS + lagMs) {
                it.remove();
                pair.first.pairs.remove(pair);
                pair.second.pairs.remove(pair);
            }
        }
        for (int i = users.size() - 1; i >= 0; i--) {
            RoadUser user = users.get(i);
            if (now - user.track.lastTimeMs() > parameters.userRetentionMs()) {
                users.remove(i);
                for (int j = 0; j < users.size(); j++) {
                    drain(user, users.get(j), sink);
                }
                usersByKey.remove(RoadUser.key(user.id, user.kind));
            }
        }
        emit(sink);
    }

    private void emit(Consumer<ConflictEvent> sink) {
        closing.sort(Comparator.comparingLong(ConflictEvent::startMs));
        for (ConflictEvent event : closing) {
            sink.accept(event);
        }
        closing.clear();
    }

    private ConflictEvent close(Pair pair) {
        Measure at = pair.ttc.isSet() ? pair.ttc : pair.pet;
        ConflictEvent event = new ConflictEvent(intersectionId, pair.encounterStartMs, pair.lastFlagMs,
                ConflictType.ofHeadingDifference(at.headingDifferenceDeg),
                pair.first.id, pair.first.kind, pair.second.id, pair.second.kind,
                pair.ttc.isSet() ? pair.ttc.valueS : Double.NaN, pair.ttc.isSet() ? pair.ttc.atMs : 0,
                pair.pet.isSet() ? pair.pet.valueS : Double.NaN, pair.pet.isSet() ? pair.pet.atMs : 0,
                frame.latitude(at.midNorthM), frame.longitude(at.midEastM), at.firstSpeedMps, at.secondSpeedMps);
        pair.encounterStartMs = Pair.NONE;
        pair.ttc.clear();
        pair.pet.clear();
        return event;
    }
}
