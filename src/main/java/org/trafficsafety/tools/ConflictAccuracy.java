package org.trafficsafety.tools;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.ConflictType;
import org.trafficsafety.analysis.Intersection;
import org.trafficsafety.analysis.RoadUserKind;
import org.trafficsafety.analysis.conflict.ConflictDetector;
import org.trafficsafety.analysis.conflict.ConflictParameters;
import org.trafficsafety.analysis.conflict.RoadUserObservation;
import org.trafficsafety.analysis.geometry.LocalFrame;
import org.trafficsafety.message.Bsm;
import org.trafficsafety.message.MapData;
import org.trafficsafety.message.Message;
import org.trafficsafety.message.Psm;
import org.trafficsafety.simulation.BenignPassing;
import org.trafficsafety.simulation.GroundTruthConflict;
import org.trafficsafety.simulation.RiskyBehaviour;
import org.trafficsafety.simulation.SimulationConfig;
import org.trafficsafety.simulation.SimulationListener;
import org.trafficsafety.simulation.TrafficSimulator;

/**
 * Scores conflict detection against the simulator's ground truth: the simulator runs the seeded intersections
 * with GPS noise and VCC-like thinning, its BSMs and PSMs go through one {@link ConflictDetector} per
 * intersection (nearest reference point within the zone, local-frame projection), and the detected events are
 * matched to the ground-truth conflicts measured on the exact trajectories.
 *
 * <p>Matching rule: a detection matches a ground-truth conflict of the same intersection and the same pair
 * (ids and vehicle/VRU kinds, canonical order) when their encounter intervals overlap after widening the
 * detection's by the tolerance (3 s) on both sides; one to one, the closest start first. Graded score: clear
 * conflicts are matched first, the remaining detections to marginal conflicts and near misses, which are then
 * ignored; strict score: every conflict counts and any other detection is false (docs/methodology.md).
 */
public final class ConflictAccuracy {

    /**
     * @param hours        simulated hours per intersection
     * @param bsmPeriodMs  BSM thinning (VCC: 500 ms)
     * @param psmPeriodMs  PSM thinning (VCC: 1000 ms)
     * @param gpsSigmaM    GPS noise per axis, m
     * @param toleranceMs  matching tolerance, ms
     */
    public record Settings(long seed, double hours, int bsmPeriodMs, int psmPeriodMs, double gpsSigmaM, long toleranceMs,
                           ConflictParameters parameters) {

        public static Settings defaults() {
            return new Settings(1, 2.0, 500, 1000, 1.5, 3_000, ConflictParameters.defaults());
        }
    }

    /** Counts for one slice (overall, a kind of pair, a conflict type). */
    public record Tally(String label, int truth, int detected, int matchedTruth, int matchedDetected) {

        public double precision() {
            return detected == 0 ? 1.0 : (double) matchedDetected / detected;
        }

        public double recall() {
            return truth == 0 ? 1.0 : (double) matchedTruth / truth;
        }

        /** The counts of this slice and of the same slice of another run, added. */
        Tally plus(Tally other) {
            return new Tally(label, truth + other.truth, detected + other.detected, matchedTruth + other.matchedTruth,
                    matchedDetected + other.matchedDetected);
        }
    }

    /**
     * Detections in one kind of {@link BenignPassing} (the situations the design says must give no conflict).
     *
     * @param passings      pairs that passed near each other in the situation
     * @param detections    detections within such a passing
     * @param clearTruth    clear ground-truth conflicts within such a passing (the exact measures flag it too)
     * @param otherTruth    marginal conflicts and near-misses within such a passing
     */
    public record SituationTally(String label, int passings, List<ConflictEvent> detections, int clearTruth, int otherTruth) {

        public SituationTally {
            detections = List.copyOf(detections);
        }

        public int detected() {
            return detections.size();
        }

        SituationTally plus(SituationTally other) {
            return new SituationTally(label, passings + other.passings, Result.concat(detections, other.detections),
                    clearTruth + other.clearTruth, otherTruth + other.otherTruth);
        }
    }

    /**
     * @param byCause       recall per injected behaviour of the ground truth (detections have no cause: their
 *                      counts there are the matched ones)
 * @param typeAgreement matched pairs whose detected type equals the ground truth's
     * @param missed        ground-truth conflicts without a detection
     * @param falseAlarms   detections without a ground-truth conflict
     * @param situations    detections per no-conflict situation (empty when the passings are not known)
     */
    public record Result(Tally overall, List<Tally> byKind, List<Tally> byType, List<Tally> byCause, int matches,
                         int typeAgreement,
                         long messages, List<GroundTruthConflict> missed, List<ConflictEvent> falseAlarms,
                         int ignoredDetections, int marginalTruth, Tally strictOverall, List<Tally> strictByKind,
                         List<SituationTally> situations) {

        /** Several runs (seeds) as one: the counts of each slice added, the lists joined. */
        public static Result pooled(List<Result> runs) {
            Result sum = runs.getFirst();
            for (Result r : runs.subList(1, runs.size())) {
                sum = new Result(sum.overall.plus(r.overall), plus(sum.byKind, r.byKind), plus(sum.byType, r.byType),
                        plus(sum.byCause, r.byCause), sum.matches + r.matches, sum.typeAgreement + r.typeAgreement,
                        sum.messages + r.messages, concat(sum.missed, r.missed), concat(sum.falseAlarms, r.falseAlarms),
                        sum.ignoredDetections + r.ignoredDetections, sum.marginalTruth + r.marginalTruth,
                        sum.strictOverall.plus(r.strictOverall), plus(sum.strictByKind, r.strictByKind),
                        plusSituations(sum.situations, r.situations));
            }
            return sum;
        }

        private static List<Tally> plus(List<Tally> a, List<Tally> b) {
            List<Tally> sum = new ArrayList<>(a.size());
            for (int i = 0; i < a.size(); i++) {
                sum.add(a.get(i).plus(b.get(i)));
            }
            return List.copyOf(sum);
        }

        private static List<SituationTally> plusSituations(List<SituationTally> a, List<SituationTally> b) {
            if (a.isEmpty() || b.isEmpty()) {
                return a.isEmpty() ? b : a;
            }
            List<SituationTally> sum = new ArrayList<>(a.size());
            for (int i = 0; i < a.size(); i++) {
                sum.add(a.get(i).plus(b.get(i)));
            }
            return List.copyOf(sum);
        }

        static <T> List<T> concat(List<T> a, List<T> b) {
            List<T> all = new ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }

        /**
         * One line: graded precision/recall overall and per kind of pair, strict overall, and the detections in
         * no-conflict situations when known.
         */
        public String summary() {
            StringBuilder line = new StringBuilder(String.format(java.util.Locale.ROOT, "graded P/R overall %.3f/%.3f",
                    overall.precision(), overall.recall()));
            for (Tally t : byKind) {
                line.append(String.format(java.util.Locale.ROOT, ", %s %.3f/%.3f", t.label(), t.precision(), t.recall()));
            }
            line.append(String.format(java.util.Locale.ROOT, "; strict overall %.3f/%.3f", strictOverall.precision(),
                    strictOverall.recall()));
            if (!situations.isEmpty()) {
                line.append("; in no-conflict situations ").append(situations.stream().mapToInt(SituationTally::detected).sum());
            }
            return line.toString();
        }

        /** The table {@code tsi bench accuracy} and {@code tsi analyze --truth} print: per slice and per cause. */
        public void print(java.io.PrintStream out) {
            out.println("matching: same pair, encounter intervals overlapping within +-3 s, one to one");
            out.printf("graded (clear conflicts; %d detections of %d marginal conflicts and near-misses ignored):%n",
                    ignoredDetections, marginalTruth);
            out.printf("%-16s %6s %9s %8s %10s %7s%n", "slice", "truth", "detected", "matched", "precision", "recall");
            print(out, overall);
            byKind.forEach(t -> print(out, t));
            byType.forEach(t -> print(out, t));
            out.println("strict (every measured conflict counts, a detection of anything else is false):");
            print(out, strictOverall);
            strictByKind.forEach(t -> print(out, t));
            out.println("recall by the ground truth's cause:");
            byCause.forEach(t -> out.printf("%-22s %6d %8d %7.3f%n", t.label(), t.truth(), t.matchedTruth(), t.recall()));
            out.printf("type agreement among %d matches: %d (%.1f%%)%n", matches, typeAgreement,
                    matches == 0 ? 0.0 : 100.0 * typeAgreement / matches);
            if (!situations.isEmpty()) {
                out.printf("no-conflict situations (pairs within %.0f m of each other, sampled each second):%n", BenignPassing.NEAR_M);
                out.printf("%-40s %9s %9s %12s %15s%n", "situation", "passings", "detected", "clear truth", "marginal/near");
                situations.forEach(t -> out.printf("%-40s %9d %9d %12d %15d%n", t.label(), t.passings(), t.detected(), t.clearTruth(),
                        t.otherTruth()));
            }
        }

        private static void print(java.io.PrintStream out, Tally t) {
            out.printf("%-16s %6d %9d %8d %10.3f %7.3f%n", t.label(), t.truth(), t.detected(), t.matchedTruth(),
                    t.precision(), t.recall());
        }
    }

    private ConflictAccuracy() {
    }

    public static Result run(Settings settings) {
        SimulationConfig defaults = SimulationConfig.defaults().withSeed(settings.seed());
        SimulationConfig.Noise noise = defaults.noise();
        SimulationConfig.Messaging messaging = defaults.messaging();
        SimulationConfig config = defaults
                .withNoise(new SimulationConfig.Noise(settings.gpsSigmaM(), noise.gpsCorrelationS(), noise.speedSigmaMps(),
                        noise.headingSigmaDeg()))
                .withMessaging(new SimulationConfig.Messaging(settings.bsmPeriodMs(), settings.psmPeriodMs(),
                        messaging.spatPeriodMs(), messaging.mapDataPeriodMs(), messaging.latencyMs(), messaging.source()));
        Detectors detectors = new Detectors(config.intersections(), settings.parameters());
        Instant from = Instant.parse("2026-03-02T07:00:00Z");
        Instant to = from.plus(Duration.ofMillis(Math.round(settings.hours() * 3_600_000)));
        new TrafficSimulator(config).run(from, to, detectors);
        detectors.flush();
        return score(detectors.truth, detectors.passings, detectors.detected, settings.toleranceMs(), detectors.messages);
    }

    /** Feeds the simulator's BSMs and PSMs to one detector per intersection and keeps both outputs. */
    private static final class Detectors implements SimulationListener {

        private final List<Intersection> intersections;
        private final List<LocalFrame> frames = new ArrayList<>();
        private final List<ConflictDetector> detectors = new ArrayList<>();
        final List<ConflictEvent> detected = new ArrayList<>();
        final List<GroundTruthConflict> truth = new ArrayList<>();
        final List<BenignPassing> passings = new ArrayList<>();
        long messages;

        Detectors(List<Intersection> intersections, ConflictParameters parameters) {
            this.intersections = intersections;
            for (Intersection i : intersections) {
                LocalFrame frame = new LocalFrame(i.latitude(), i.longitude());
                frames.add(frame);
                detectors.add(new ConflictDetector(i.id(), frame, parameters));
            }
        }

        @Override
        public void onMessage(Message message) {
            switch (message) {
                case Bsm b -> observe(b.id(), RoadUserKind.VEHICLE, b.eventTimeMs(), b.latitude(), b.longitude(),
                        b.speedMps(), b.headingDeg(), b.yawRateDegS(), b.accelLonMps2(), b.lengthM(), b.widthM());
                case Psm p -> observe(p.id(), RoadUserKind.of(p.basicType()), p.eventTimeMs(), p.latitude(), p.longitude(),
                        p.speedMps(), p.headingDeg(), Double.NaN, Double.NaN, Double.NaN, Double.NaN);
                case MapData m -> m.intersections().forEach(this::useGeometry);
                default -> {
                }
            }
        }

        /** Each detector keeps to its intersection's carriageway, as {@code IntersectionAnalysis} does. */
        private void useGeometry(MapData.IntersectionGeometry geometry) {
            for (int i = 0; i < intersections.size(); i++) {
                if (intersections.get(i).id() == geometry.id()) {
                    detectors.get(i).useGeometry(geometry);
                }
            }
        }

        private void observe(long id, RoadUserKind kind, long timeMs, double lat, double lon, double speed, double heading,
                             double yaw, double accel, double length, double width) {
            for (int i = 0; i < intersections.size(); i++) {
                LocalFrame frame = frames.get(i);
                double east = frame.east(lon);
                double north = frame.north(lat);
                double radius = intersections.get(i).zoneRadiusM();
                if (east * east + north * north <= radius * radius) {
                    messages++;
                    detectors.get(i).observe(new RoadUserObservation(id, kind, timeMs, east, north, speed, heading, yaw,
                            accel, length, width), detected::add);
                    return;
                }
            }
        }

        @Override
        public void onGroundTruth(GroundTruthConflict conflict) {
            truth.add(conflict);
        }

        @Override
        public void onNearMiss(GroundTruthConflict nearMiss) {
            truth.add(nearMiss);
        }

        @Override
        public void onPassing(BenignPassing passing) {
            passings.add(passing);
        }

        void flush() {
            for (ConflictDetector d : detectors) {
                d.flush(detected::add);
            }
        }
    }

    /**
     * Matches detections to ground truth (see the class comment) and counts per kind of pair and per type, graded
     * (clear conflicts counted, detections of marginal conflicts and near-misses ignored) and strict (every conflict
     * counted, a detection of a near-miss false), and per no-conflict situation of the passings (none when empty).
     */
    public static Result score(List<GroundTruthConflict> truth, List<BenignPassing> passings, List<ConflictEvent> detected,
                               long toleranceMs, long messages) {
        List<GroundTruthConflict> clear = truth.stream().filter(t -> t.grade() == GroundTruthConflict.Grade.CLEAR).toList();
        List<GroundTruthConflict> dontCare = truth.stream().filter(t -> t.grade() != GroundTruthConflict.Grade.CLEAR).toList();
        List<GroundTruthConflict> conflicts = truth.stream().filter(t -> t.grade() != GroundTruthConflict.Grade.NEAR).toList();

        Map<ConflictEvent, GroundTruthConflict> matchedBack = new HashMap<>();
        Map<GroundTruthConflict, ConflictEvent> matched = match(clear, detected, toleranceMs, matchedBack);
        Map<ConflictEvent, GroundTruthConflict> ignored = new HashMap<>(matchedBack);
        match(dontCare, detected, toleranceMs, ignored);
        ignored.keySet().removeAll(matchedBack.keySet());
        List<ConflictEvent> counted = detected.stream().filter(e -> !ignored.containsKey(e)).toList();

        Map<ConflictEvent, GroundTruthConflict> strictBack = new HashMap<>();
        Map<GroundTruthConflict, ConflictEvent> strictMatched = match(conflicts, detected, toleranceMs, strictBack);

        int agreement = 0;
        for (Map.Entry<GroundTruthConflict, ConflictEvent> m : matched.entrySet()) {
            agreement += m.getKey().expectedType() == m.getValue().type() ? 1 : 0;
        }
        List<Tally> byType = new ArrayList<>();
        for (ConflictType type : ConflictType.values()) {
            byType.add(tally(type.label(), clear, counted, matched, matchedBack,
                    t -> t.expectedType() == type, e -> e.type() == type));
        }
        List<Tally> byCause = new ArrayList<>();
        for (RiskyBehaviour cause : RiskyBehaviour.values()) {
            byCause.add(tally(cause.name().toLowerCase(java.util.Locale.ROOT), clear, List.copyOf(matched.values()), matched,
                    matchedBack, t -> t.kind() == cause, e -> matchedBack.get(e).kind() == cause));
        }
        List<GroundTruthConflict> missed = clear.stream().filter(t -> !matched.containsKey(t))
                .sorted(Comparator.comparingLong(GroundTruthConflict::startMs)).toList();
        List<ConflictEvent> falseAlarms = counted.stream().filter(e -> !matchedBack.containsKey(e)).toList();
        return new Result(tally("overall", clear, counted, matched, matchedBack, t -> true, e -> true),
                byKind(clear, counted, matched, matchedBack), byType, byCause, matched.size(), agreement, messages, missed,
                falseAlarms, ignored.size(), dontCare.size(),
                tally("overall", conflicts, detected, strictMatched, strictBack, t -> true, e -> true),
                byKind(conflicts, detected, strictMatched, strictBack), situations(passings, truth, detected));
    }

    /** Per situation: the passings, and the detections and ground truth of a pair within one of its passings. */
    private static List<SituationTally> situations(List<BenignPassing> passings, List<GroundTruthConflict> truth,
                                                   List<ConflictEvent> detected) {
        if (passings.isEmpty()) {
            return List.of();
        }
        Map<String, List<BenignPassing>> byPair = new HashMap<>();
        for (BenignPassing p : passings) {
            byPair.computeIfAbsent(pairKey(p.intersectionId(), p.firstId(), p.firstKind(), p.secondId(), p.secondKind()),
                    k -> new ArrayList<>()).add(p);
        }
        List<SituationTally> out = new ArrayList<>();
        for (BenignPassing.Situation situation : BenignPassing.Situation.values()) {
            int count = 0;
            for (BenignPassing p : passings) {
                count += p.situation() == situation ? 1 : 0;
            }
            List<ConflictEvent> detections = new ArrayList<>();
            for (ConflictEvent e : detected) {
                if (within(byPair, situation, e.intersectionId(), e.firstId(), e.firstKind(), e.secondId(), e.secondKind(),
                        e.startMs(), e.endMs())) {
                    detections.add(e);
                }
            }
            int clear = 0;
            int other = 0;
            for (GroundTruthConflict t : truth) {
                if (within(byPair, situation, t.intersectionId(), t.firstId(), t.firstKind(), t.secondId(), t.secondKind(),
                        t.startMs(), t.endMs())) {
                    clear += t.grade() == GroundTruthConflict.Grade.CLEAR ? 1 : 0;
                    other += t.grade() == GroundTruthConflict.Grade.CLEAR ? 0 : 1;
                }
            }
            out.add(new SituationTally(situation.label(), count, detections, clear, other));
        }
        return List.copyOf(out);
    }

    private static boolean within(Map<String, List<BenignPassing>> byPair, BenignPassing.Situation situation, int intersectionId,
                                  long firstId, RoadUserKind firstKind, long secondId, RoadUserKind secondKind, long fromMs, long toMs) {
        for (BenignPassing p : byPair.getOrDefault(pairKey(intersectionId, firstId, firstKind, secondId, secondKind), List.of())) {
            if (p.situation() == situation && p.covers(intersectionId, firstId, firstKind, secondId, secondKind, fromMs, toMs)) {
                return true;
            }
        }
        return false;
    }

    private static List<Tally> byKind(List<GroundTruthConflict> truth, List<ConflictEvent> detected,
                                      Map<GroundTruthConflict, ConflictEvent> matched, Map<ConflictEvent, GroundTruthConflict> matchedBack) {
        return List.of(
                tally("vehicle-vehicle", truth, detected, matched, matchedBack, t -> !t.involvesVru(), e -> !e.involvesVru()),
                tally("vehicle-VRU", truth, detected, matched, matchedBack, GroundTruthConflict::involvesVru,
                        ConflictEvent::involvesVru));
    }

    /**
     * One-to-one matching of truth to detections not yet in matchedBack (which it extends): same pair, intervals
     * overlapping within the tolerance, the closest start first.
     */
    private static Map<GroundTruthConflict, ConflictEvent> match(List<GroundTruthConflict> truth, List<ConflictEvent> detected,
                                                                 long toleranceMs, Map<ConflictEvent, GroundTruthConflict> matchedBack) {
        Map<String, List<ConflictEvent>> byPair = new HashMap<>();
        for (ConflictEvent e : detected) {
            byPair.computeIfAbsent(pairKey(e.intersectionId(), e.firstId(), e.firstKind(), e.secondId(), e.secondKind()),
                    k -> new ArrayList<>()).add(e);
        }
        Map<GroundTruthConflict, ConflictEvent> matched = new HashMap<>();
        List<GroundTruthConflict> ordered = new ArrayList<>(truth);
        ordered.sort(Comparator.comparingLong(GroundTruthConflict::startMs));
        for (GroundTruthConflict t : ordered) {
            List<ConflictEvent> candidates = byPair.getOrDefault(
                    pairKey(t.intersectionId(), t.firstId(), t.firstKind(), t.secondId(), t.secondKind()), List.of());
            ConflictEvent best = null;
            for (ConflictEvent e : candidates) {
                boolean overlaps = e.startMs() - toleranceMs <= t.endMs() && e.endMs() + toleranceMs >= t.startMs();
                if (overlaps && !matchedBack.containsKey(e)
                        && (best == null || Math.abs(e.startMs() - t.startMs()) < Math.abs(best.startMs() - t.startMs()))) {
                    best = e;
                }
            }
            if (best != null) {
                matched.put(t, best);
                matchedBack.put(best, t);
            }
        }
        return matched;
    }

    private static Tally tally(String label, List<GroundTruthConflict> truth, List<ConflictEvent> detected,
                               Map<GroundTruthConflict, ConflictEvent> matched, Map<ConflictEvent, GroundTruthConflict> matchedBack,
                               Predicate<GroundTruthConflict> truthFilter, Predicate<ConflictEvent> detectedFilter) {
        int t = 0;
        int mt = 0;
        for (GroundTruthConflict g : truth) {
            if (truthFilter.test(g)) {
                t++;
                mt += matched.containsKey(g) ? 1 : 0;
            }
        }
        int d = 0;
        int md = 0;
        for (ConflictEvent e : detected) {
            if (detectedFilter.test(e)) {
                d++;
                md += matchedBack.containsKey(e) ? 1 : 0;
            }
        }
        return new Tally(label, t, d, mt, md);
    }

    private static String pairKey(int intersectionId, long firstId, RoadUserKind firstKind, long secondId, RoadUserKind secondKind) {
        return intersectionId + ":" + firstId + (firstKind.isVru() ? "p" : "v") + ":" + secondId + (secondKind.isVru() ? "p" : "v");
    }
}
