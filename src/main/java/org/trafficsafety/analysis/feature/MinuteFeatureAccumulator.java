package org.trafficsafety.analysis.feature;

import java.util.ArrayDeque;
import java.util.Arrays;
import org.trafficsafety.analysis.ConflictEvent;
import org.trafficsafety.analysis.MinuteFeatures;

/**
 * Accumulates one intersection's per-minute features (design section 6) from observations in non-decreasing event
 * time. Several minutes can be open at once (a minute stays open while an encounter that started in it is open);
 * observations always land in the newest. Per message: a map lookup and a few additions, no allocation once a
 * road user is known. Not thread-safe.
 *
 * <ul>
 * <li>traffic_volume / vru_count: distinct vehicle / PSM ids observed in the minute (any PSM basic type).</li>
 * <li>avg_speed: mean over vehicles of each vehicle's mean reported speed (vehicles without any speed are counted
 * in the volume but not here); speed_std: sample standard deviation (n - 1) of those per-vehicle means, 0 with
 * fewer than 2 vehicles. Summed in id order, so the result does not depend on arrival order.</li>
 * <li>hard_braking_count: episodes that start in the minute. A vehicle's longitudinal acceleration is its
 * accelSet.lon, else derived from two speeds 0.5–2 s apart; an episode starts when it falls to the threshold and
 * ends at the first sample above it, so one manoeuvre counts once even across a minute boundary.</li>
 * <li>vehicle_event_count / vru_event_count: conflict events by the minute of their start.</li>
 * </ul>
 */
public final class MinuteFeatureAccumulator {

    private static final long MINUTE_MS = 60_000L;

    private final int intersectionId;
    private final FeatureSettings settings;
    private final ArrayDeque<OpenMinute> open = new ArrayDeque<>();
    private LongMap<VehicleState> vehicles = new LongMap<>(128);
    private long lastForgetMs = Long.MIN_VALUE;

    public MinuteFeatureAccumulator(int intersectionId, FeatureSettings settings) {
        this.intersectionId = intersectionId;
        this.settings = settings;
    }

    /**
     * A BSM. {@code speedMps} and {@code accelLonMps2} are NaN when unavailable; a negative or infinite speed is
     * treated as unavailable.
     */
    public void observeVehicle(long id, long timeMs, double speedMps, double accelLonMps2) {
        OpenMinute minute = minuteOf(timeMs);
        VehicleMinute vm = minute.vehicles.get(id);
        if (vm == null) {
            vm = new VehicleMinute(id);
            minute.vehicles.put(id, vm);
        }
        // decoders reject impossible speeds; a negative or infinite one that slips through counts as unavailable
        if (speedMps >= 0 && speedMps != Double.POSITIVE_INFINITY) {
            vm.speedSum += speedMps;
            vm.speedSamples++;
        }
        VehicleState state = vehicles.get(id);
        if (state == null) {
            state = new VehicleState(id);
            vehicles.put(id, state);
        }
        if (state.startsHardBraking(timeMs, speedMps, accelLonMps2, settings)) {
            minute.hardBraking++;
        }
    }

    /** A PSM. */
    public void observeVru(long id, long timeMs) {
        OpenMinute minute = minuteOf(timeMs);
        if (minute.vrus.get(id) == null) {
            minute.vrus.put(id, Boolean.TRUE);
        }
    }

    /**
     * Counts a conflict event in the minute it started.
     *
     * @return false when that minute is not open (already closed, or never had a road user)
     */
    public boolean countEvent(ConflictEvent event) {
        long start = Math.floorDiv(event.startMs(), MINUTE_MS) * MINUTE_MS;
        for (OpenMinute minute : open) {
            if (minute.startMs == start) {
                if (event.involvesVru()) {
                    minute.vruEvents++;
                } else {
                    minute.vehicleEvents++;
                }
                return true;
            }
        }
        return false;
    }

    public boolean hasOpenMinute() {
        return !open.isEmpty();
    }

    /** Start of the oldest open minute, epoch ms; only meaningful when {@link #hasOpenMinute()}. */
    public long oldestOpenMinuteStartMs() {
        return open.isEmpty() ? Long.MAX_VALUE : open.peekFirst().startMs;
    }

    /** Closes the oldest open minute and returns its features. */
    public MinuteFeatures closeOldestMinute() {
        OpenMinute minute = open.pollFirst();
        if (minute == null) {
            throw new IllegalStateException("intersection " + intersectionId + " has no open minute to close");
        }
        forgetSilentVehicles(minute.startMs + MINUTE_MS);
        VehicleMinute[] perVehicle = minute.vehicles.values(new VehicleMinute[0]);
        Arrays.sort(perVehicle, (a, b) -> Long.compareUnsigned(a.id, b.id));
        int withSpeed = 0;
        double sum = 0;
        for (VehicleMinute vm : perVehicle) {
            if (vm.speedSamples > 0) {
                sum += vm.meanSpeed();
                withSpeed++;
            }
        }
        double mean = withSpeed == 0 ? 0 : sum / withSpeed;
        double squares = 0;
        for (VehicleMinute vm : perVehicle) {
            if (vm.speedSamples > 0) {
                double d = vm.meanSpeed() - mean;
                squares += d * d;
            }
        }
        double std = withSpeed < 2 ? 0 : Math.sqrt(squares / (withSpeed - 1));
        return new MinuteFeatures(intersectionId, minute.startMs, minute.vehicles.size(), minute.vrus.size(), mean, std,
                minute.hardBraking, minute.vehicleEvents, minute.vruEvents);
    }

    private OpenMinute minuteOf(long timeMs) {
        long start = Math.floorDiv(timeMs, MINUTE_MS) * MINUTE_MS;
        OpenMinute newest = open.peekLast();
        if (newest != null && newest.startMs == start) {
            return newest;
        }
        if (newest != null && newest.startMs > start) {
            throw new IllegalStateException("intersection " + intersectionId + ": observation at " + timeMs
                    + " ms is older than the open minute " + newest.startMs + " (observations must be in time order)");
        }
        OpenMinute minute = new OpenMinute(start);
        open.addLast(minute);
        return minute;
    }

    /** Once a minute: rebuilds the vehicle map without those silent longer than the retention. */
    private void forgetSilentVehicles(long nowMs) {
        if (nowMs - lastForgetMs < MINUTE_MS) {
            return;
        }
        lastForgetMs = nowMs;
        VehicleState[] states = vehicles.values(new VehicleState[0]);
        LongMap<VehicleState> kept = new LongMap<>(Math.max(64, states.length));
        for (VehicleState s : states) {
            if (nowMs - s.lastSeenMs <= settings.vehicleRetentionMs()) {
                kept.put(s.id, s);
            }
        }
        vehicles = kept;
    }

    private static final class OpenMinute {
        final long startMs;
        final LongMap<VehicleMinute> vehicles = new LongMap<>(64);
        final LongMap<Boolean> vrus = new LongMap<>(16);
        int hardBraking;
        int vehicleEvents;
        int vruEvents;

        OpenMinute(long startMs) {
            this.startMs = startMs;
        }
    }

    private static final class VehicleMinute {
        final long id;
        double speedSum;
        int speedSamples;

        VehicleMinute(long id) {
            this.id = id;
        }

        double meanSpeed() {
            return speedSum / speedSamples;
        }
    }
}
