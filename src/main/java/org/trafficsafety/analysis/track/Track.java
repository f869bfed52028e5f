package org.trafficsafety.analysis.track;

/**
 * The smoothed track of one road user in a local metric frame (design section 6, "Tracks").
 *
 * <p>Each axis runs a causal constant-velocity Kalman filter: the reported speed and heading enter as a
 * velocity measurement, so the filter carries position forward with them and the noisy positions only pull it
 * back slowly. A sample outside the gate is skipped; a second in a row, or a long silence, restarts the filter.
 * Speed and heading for prediction are the reported ones (a vehicle's heading smoothed by a second filter that
 * also estimates its yaw rate, using the reported yaw rate when there is one); only when one is missing do they
 * come from the filter's velocity, that is from smoothed position differences. Yaw rates are clipped;
 * constant-velocity users (VRUs) never turn, and neither do vehicles slower than a walk.
 *
 * <p>Once a sample is {@code smoothingLagMs} old, its position is smoothed with the later samples (fixed lag) and
 * a VRU's heading averaged with the agreeing reported headings around it. Between samples the state is
 * interpolated; the speed follows the reported longitudinal accelerations when both samples carry one.
 *
 * <p>The last {@value #CAPACITY} smoothed samples are kept, enough for the PET window at 10 Hz. Not
 * thread-safe; updates must come in non-decreasing time.
 */
public final class Track {

    /** Returned by {@link #latestTimeWithin} when the path never came that close (a sentinel: this is the hot path). */
    public static final long NO_TIME = Long.MIN_VALUE;

    private static final int CAPACITY = 64;
    private static final int MASK = CAPACITY - 1;
    private static final double UNKNOWN_VELOCITY_VARIANCE = 100.0;
    /** Reported VRU headings further apart than this belong to different straights of the path. */
    private static final double SAME_HEADING_DEG = 20.0;

    private final TrackParameters parameters;
    private final boolean constantVelocity;
    private final AxisFilter eastFilter = new AxisFilter();
    private final AxisFilter northFilter = new AxisFilter();
    /** Heading (rad, unwrapped) and yaw rate (rad/s) of a vehicle: the same constant-rate filter on one angle. */
    private final AxisFilter headingFilter = new AxisFilter();
    private boolean headingTracked;
    /** The newest sample had a reported speed and heading (the next one can be dead-reckoned from it). */
    private boolean lastHadVelocity;
    /** Yaw rate of the sample being added, rad/s. */
    private double yaw;
    private final long[] times = new long[CAPACITY];
    private final double[] easts = new double[CAPACITY];
    private final double[] norths = new double[CAPACITY];
    private final double[] speeds = new double[CAPACITY];
    private final double[] headings = new double[CAPACITY];
    private final double[] sines = new double[CAPACITY];
    private final double[] cosines = new double[CAPACITY];
    private final double[] yawRates = new double[CAPACITY];
    /** Reported longitudinal accelerations, m/s^2 (NaN when not reported). */
    private final double[] accelerations = new double[CAPACITY];
    /** Per sample, for the fixed-lag smoother: the filter's own estimate and variance, the measured position, the
     * dead-reckoned displacement summed since the chain began and its variance, and whether the sample is
     * dead-reckoned from the one before (a chain breaks at a restart or a missing velocity). */
    private final double[] filteredEasts = new double[CAPACITY];
    private final double[] filteredNorths = new double[CAPACITY];
    private final double[] filteredVariances = new double[CAPACITY];
    private final double[] measuredEasts = new double[CAPACITY];
    private final double[] measuredNorths = new double[CAPACITY];
    private final double[] chainEasts = new double[CAPACITY];
    private final double[] chainNorths = new double[CAPACITY];
    private final double[] chainVariances = new double[CAPACITY];
    private final boolean[] chained = new boolean[CAPACITY];
    private final boolean[] smoothed = new boolean[CAPACITY];
    /** Samples whose position was skipped as outside the gate: their dead reckoning still chains, not their position. */
    private final boolean[] outliers = new boolean[CAPACITY];
    /** Reported headings, degrees (NaN when not reported): a VRU's smoothed heading averages them. */
    private final double[] reportedHeadings = new double[CAPACITY];
    /** Dead reckoning of the sample being added (valid when {@link #reckoned}). */
    private boolean reckoned;
    private double reckonedEast;
    private double reckonedNorth;
    private double reckonedVariance;
    private final Motion scratch = new Motion();
    private int newest = -1;
    private int size;
    private int resets;
    private int rejections;
    /** The sample being added was outside the gate and its position skipped; the one before was too. */
    private boolean rejected;
    private boolean lastRejected;
    private double recentMaxSpeed;

    /**
     * @param constantVelocity true for users predicted straight (VRUs): their yaw rate is always 0
     */
    public Track(TrackParameters parameters, boolean constantVelocity) {
        this.parameters = parameters;
        this.constantVelocity = constantVelocity;
    }

    /**
     * Adds a sample. NaN marks an unavailable speed, heading, yaw rate or longitudinal acceleration. A sample older
     * than the last one is
     * ignored and false returned.
     */
    public boolean update(long timeMs, double eastM, double northM, double speedMps, double headingDeg, double yawRateDegS,
                          double accelLonMps2) {
        if (size > 0 && timeMs < times[newest]) {
            return false;
        }
        double dtS = size == 0 ? 0 : (timeMs - times[newest]) / 1000.0;
        boolean fresh = size == 0 || timeMs - times[newest] > parameters.gapResetMs();
        if (fresh) {
            size = 0;
        }
        double knownSpeed = Double.isFinite(speedMps) ? speedMps
                : Math.sqrt(eastFilter.velocity() * eastFilter.velocity() + northFilter.velocity() * northFilter.velocity());
        double heading = updateHeading(fresh, dtS, knownSpeed, headingDeg, yawRateDegS);
        boolean hasVelocity = Double.isFinite(speedMps) && Double.isFinite(headingDeg);
        updatePosition(fresh, dtS, eastM, northM, hasVelocity, speedMps, heading);
        lastHadVelocity = hasVelocity;
        lastRejected = rejected;
        double speed = Double.isFinite(speedMps) ? speedMps
                : Math.sqrt(eastFilter.velocity() * eastFilter.velocity() + northFilter.velocity() * northFilter.velocity());
        if (!Double.isFinite(headingDeg)) {
            heading = filterHeading();
        }
        int before = newest;
        push(timeMs, eastFilter.position(), northFilter.position(), speed, heading, yaw);
        accelerations[newest] = accelLonMps2;
        filteredEasts[newest] = eastFilter.position();
        filteredNorths[newest] = northFilter.position();
        filteredVariances[newest] = Math.max(eastFilter.positionVariance(), northFilter.positionVariance());
        measuredEasts[newest] = eastM;
        measuredNorths[newest] = northM;
        reportedHeadings[newest] = headingDeg;
        outliers[newest] = rejected;
        chained[newest] = reckoned && size > 1;
        smoothed[newest] = false;
        chainEasts[newest] = chained[newest] ? chainEasts[before] + reckonedEast : 0;
        chainNorths[newest] = chained[newest] ? chainNorths[before] + reckonedNorth : 0;
        chainVariances[newest] = chained[newest] ? chainVariances[before] + reckonedVariance : 0;
        smooth();
        return true;
    }

    /**
     * Position filters: predict, gate, then the position and (when speed and heading are known) the velocity
     * built from the reported speed and the smoothed heading.
     */
    private void updatePosition(boolean fresh, double dtS, double eastM, double northM, boolean hasVelocity,
                                double speedMps, double headingDeg) {
        double h = Math.toRadians(headingDeg);
        double eastV = hasVelocity ? speedMps * Math.sin(h) : 0;
        double northV = hasVelocity ? speedMps * Math.cos(h) : 0;
        double r = parameters.positionNoiseM() * parameters.positionNoiseM();
        reckoned = false;
        rejected = false;
        if (fresh) {
            restart(eastM, northM, hasVelocity, eastV, northV, r);
            return;
        }
        double rv = parameters.velocityNoiseMps() * parameters.velocityNoiseMps();
        if (hasVelocity && lastHadVelocity) {
            // Dead reckoning: the mean of the two reported velocities, stretched to the chord of a constant turn,
            // is the path between the samples; far better than the filter's own velocity in a turn.
            // Speeds within the noise of a standing user are a standstill: their positive bias (speed is never
            // negative) would otherwise walk a queued car forward.
            double standstill = parameters.standstillSpeedMps();
            double before = speeds[newest] < standstill ? 0 : speeds[newest];
            double now = speedMps < standstill ? 0 : speedMps;
            double mean = (before + now) / 2;
            double headingError = mean * Math.toRadians(parameters.headingNoiseDeg());
            double dr = parameters.deadReckoningNoiseMps();
            double variance = dtS * dtS * (dr * dr + headingError * headingError / 2);
            double sin = Math.sin(h);
            double cos = Math.cos(h);
            // The mean of two unit vectors a turn of d apart is cos(d/2) long, the chord of the arc sinc(d/2) of
            // the path: scale by tan(d/2)/(d/2) ~ 1 + (1 - cos d)/6.
            double arc = 1 + (1 - (sines[newest] * sin + cosines[newest] * cos)) / 6;
            reckonedEast = arc * dtS * (before * sines[newest] + now * sin) / 2;
            reckonedNorth = arc * dtS * (before * cosines[newest] + now * cos) / 2;
            reckonedVariance = variance;
            reckoned = true;
            eastFilter.carry(reckonedEast, variance, eastV, rv);
            northFilter.carry(reckonedNorth, variance, northV, rv);
        } else {
            double q = parameters.processNoiseM2S3();
            eastFilter.predict(dtS, q);
            northFilter.predict(dtS, q);
        }
        double de = eastM - eastFilter.position();
        double dn = northM - northFilter.position();
        double mahalanobis2 = de * de / eastFilter.positionInnovationVariance(r)
                + dn * dn / northFilter.positionInnovationVariance(r);
        if (mahalanobis2 > parameters.gateSigma() * parameters.gateSigma()) {
            if (!lastRejected) {
                // One sample far outside the gate is a glitch until the next one confirms a jump: at 4 sigma, white
                // 1.5 m noise puts one sample in 3,000 there, and restarting on it threw the track 6 m aside.
                rejected = true;
                rejections++;
                if (hasVelocity) {
                    eastFilter.updateVelocity(eastV, rv);
                    northFilter.updateVelocity(northV, rv);
                }
                return;
            }
            restart(eastM, northM, hasVelocity, eastV, northV, r);
            resets++;
            reckoned = false;
            return;
        }
        eastFilter.updatePosition(eastM, r);
        northFilter.updatePosition(northM, r);
        if (hasVelocity) {
            eastFilter.updateVelocity(eastV, rv);
            northFilter.updateVelocity(northV, rv);
        }
    }

    /**
     * Fixed-lag smoothing: once a kept position is {@code smoothingLagMs} older than the newest sample, its
     * filtered estimate is combined with every later measurement of its dead-reckoning chain, carried back by the
     * reckoned displacement (inverse-variance weights). Once per sample, so the cost is linear in the lag. A
     * position then rests on the samples after it as well as those before, which matters most for a young track,
     * whose first seconds the filter alone knows poorly. A lag of 0 keeps the filter's own estimates.
     */
    private void smooth() {
        long lagMs = parameters.smoothingLagMs();
        if (lagMs == 0) {
            return;
        }
        double r = parameters.positionNoiseM() * parameters.positionNoiseM();
        for (int age = 1; age < size; age++) {
            int k = index(age);
            if (times[newest] - times[k] < lagMs) {
                continue;
            }
            if (smoothed[k]) {
                return;
            }
            smoothed[k] = true;
            double weight = 1.0 / filteredVariances[k];
            double east = filteredEasts[k] * weight;
            double north = filteredNorths[k] * weight;
            for (int later = age - 1; later >= 0; later--) {
                int j = index(later);
                if (!chained[j]) {
                    break;
                }
                if (outliers[j]) {
                    continue;
                }
                double w = 1.0 / (r + chainVariances[j] - chainVariances[k]);
                east += (measuredEasts[j] - (chainEasts[j] - chainEasts[k])) * w;
                north += (measuredNorths[j] - (chainNorths[j] - chainNorths[k])) * w;
                weight += w;
            }
            easts[k] = east / weight;
            norths[k] = north / weight;
            if (constantVelocity) {
                smoothHeading(k, age, lagMs);
            }
        }
    }

    /**
     * A VRU's heading at a lag-old sample: the circular mean of the reported headings within the lag either side
     * that agree with it within {@link #SAME_HEADING_DEG} (a corner starts a new straight). VRUs have no heading
     * filter, and 2 degrees of PSM heading noise put a cyclist's 3 s straight-line prediction half a metre aside.
     */
    private void smoothHeading(int k, int age, long lagMs) {
        double own = reportedHeadings[k];
        if (!Double.isFinite(own)) {
            return;
        }
        double sin = 0;
        double cos = 0;
        for (int a = 0; a < size; a++) {
            int j = index(a);
            if (Math.abs(times[j] - times[k]) > lagMs) {
                if (a > age) {
                    break;
                }
                continue;
            }
            double h = reportedHeadings[j];
            if (Double.isFinite(h) && Math.abs(angleDifference(h, own)) <= SAME_HEADING_DEG) {
                double r = Math.toRadians(h);
                sin += Math.sin(r);
                cos += Math.cos(r);
            }
        }
        double norm = Math.sqrt(sin * sin + cos * cos);
        sines[k] = sin / norm;
        cosines[k] = cos / norm;
        double heading = Math.toDegrees(Math.atan2(sin, cos));
        headings[k] = heading < 0 ? heading + 360.0 : heading;
    }

    /** Heading filter of a vehicle (VRUs keep their reported heading); sets {@link #yaw}, returns the heading. */
    private double updateHeading(boolean fresh, double dtS, double speed, double headingDeg, double yawRateDegS) {
        yaw = 0.0;
        if (!Double.isFinite(headingDeg)) {
            headingTracked = false;
            return headingDeg;
        }
        if (constantVelocity) {
            return headingDeg;
        }
        if (fresh || !headingTracked || !(speed >= parameters.yawMinSpeedMps())) {
            // A standing vehicle does not turn, and its reported heading may be stale: start afresh from it.
            double yawVariance = parameters.maxYawRateRadS() * parameters.maxYawRateRadS();
            headingFilter.reset(Math.toRadians(headingDeg), 0.0, headingVariance(), yawVariance);
            headingTracked = true;
            return headingDeg;
        }
        double heading = filterHeading(dtS, headingDeg, yawRateDegS);
        double estimate = headingFilter.velocity();
        // The dead band guards against yaw rates made of heading noise; a reported yaw rate is a measurement.
        boolean noise = !Double.isFinite(yawRateDegS) && Math.abs(estimate) < parameters.yawDeadbandRadS();
        yaw = noise ? 0.0 : clip(estimate, parameters.maxYawRateRadS());
        return heading;
    }

    private void restart(double eastM, double northM, boolean hasVelocity, double eastV, double northV, double r) {
        double velocityVariance = hasVelocity
                ? parameters.velocityNoiseMps() * parameters.velocityNoiseMps() : UNKNOWN_VELOCITY_VARIANCE;
        eastFilter.reset(eastM, eastV, r, velocityVariance);
        northFilter.reset(northM, northV, r, velocityVariance);
    }

    private double headingVariance() {
        double sigma = Math.toRadians(parameters.headingNoiseDeg());
        return sigma * sigma;
    }

    /** Smooths the reported heading and estimates the yaw rate with the heading filter; returns degrees in [0, 360). */
    private double filterHeading(double dtS, double headingDeg, double yawRateDegS) {
        headingFilter.predict(dtS, parameters.yawProcessNoiseRad2S3());
        double predicted = headingFilter.position();
        double measured = predicted + Math.toRadians(angleDifference(headingDeg, Math.toDegrees(predicted)));
        headingFilter.updatePosition(measured, headingVariance());
        if (Double.isFinite(yawRateDegS)) {
            double sigma = Math.toRadians(parameters.yawRateNoiseDegS());
            headingFilter.updateVelocity(Math.toRadians(yawRateDegS), sigma * sigma);
        }
        double d = Math.toDegrees(headingFilter.position()) % 360.0;
        return d < 0 ? d + 360.0 : d;
    }

    private double filterHeading() {
        double ve = eastFilter.velocity();
        double vn = northFilter.velocity();
        if (ve == 0 && vn == 0) {
            return size > 0 ? headings[newest] : 0.0;
        }
        double d = Math.toDegrees(Math.atan2(ve, vn));
        return d < 0 ? d + 360.0 : d;
    }

    private static double clip(double value, double limit) {
        return Math.max(-limit, Math.min(limit, value));
    }

    /** Signed difference a - b of two headings, degrees in (-180, 180]. */
    public static double angleDifference(double aDeg, double bDeg) {
        double d = (aDeg - bDeg) % 360.0;
        if (d > 180.0) {
            d -= 360.0;
        } else if (d <= -180.0) {
            d += 360.0;
        }
        return d;
    }

    private void push(long timeMs, double east, double north, double speed, double heading, double yaw) {
        newest = (newest + 1) & MASK;
        times[newest] = timeMs;
        easts[newest] = east;
        norths[newest] = north;
        speeds[newest] = speed;
        headings[newest] = heading;
        double h = Math.toRadians(heading);
        sines[newest] = Math.sin(h);
        cosines[newest] = Math.cos(h);
        yawRates[newest] = yaw;
        if (size < CAPACITY) {
            size++;
        }
        recentMaxSpeed = 0;
        for (int i = 0; i < size && timeMs - times[index(i)] <= parameters.gapResetMs(); i++) {
            recentMaxSpeed = Math.max(recentMaxSpeed, speeds[index(i)]);
        }
    }

    /** Standard deviation of the smoothed position now (the larger axis), m: large for a fresh track. */
    public double positionUncertaintyM() {
        return Math.sqrt(Math.max(eastFilter.positionVariance(), northFilter.positionVariance()));
    }

    /** Highest speed over the kept samples of the last {@code gapResetMs}, m/s: bounds how far the path reaches. */
    public double recentMaxSpeedMps() {
        return recentMaxSpeed;
    }

    private int index(int age) {
        return (newest - age) & MASK;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    /** Number of filter restarts caused by two successive samples outside the gate. */
    public int resetCount() {
        return resets;
    }

    /** Number of single samples outside the gate whose position was skipped. */
    public int rejectedCount() {
        return rejections;
    }

    public long lastTimeMs() {
        return times[newest];
    }

    /** Time of the oldest kept sample. */
    public long firstTimeMs() {
        return times[index(size - 1)];
    }

    /** Time of the sample before the last one, or {@link #NO_TIME}. */
    public long previousTimeMs() {
        return size > 1 ? times[index(1)] : NO_TIME;
    }

    public double eastM() {
        return easts[newest];
    }

    public double northM() {
        return norths[newest];
    }

    public double speedMps() {
        return speeds[newest];
    }

    public double headingDeg() {
        return headings[newest];
    }

    public double yawRateRadS() {
        return yawRates[newest];
    }

    /** True when the track may be evaluated at timeMs: within its history or at most the extrapolation limit past it. */
    public boolean covers(long timeMs) {
        return size > 0 && timeMs >= times[index(size - 1)] && timeMs - times[newest] <= parameters.maxExtrapolationMs();
    }

    /**
     * Puts the state at timeMs into motion (ready to predict further): interpolated between samples, or
     * carried forward from the last one (CTRV). The caller checks {@link #covers} first.
     */
    public void stateAt(long timeMs, Motion motion) {
        int i = 0;
        while (i < size - 1 && times[index(i)] > timeMs) {
            i++;
        }
        int at = index(i);
        if (i == 0 || times[at] == timeMs) {
            motion.start(easts[at], norths[at], sines[at], cosines[at], headings[at], speeds[at], yawRates[at]);
            if (timeMs > times[at]) {
                motion.advance((timeMs - times[at]) / 1000.0);
            }
            return;
        }
        int next = index(i - 1);
        double u = (double) (timeMs - times[at]) / (times[next] - times[at]);
        double heading = headings[at] + u * angleDifference(headings[next], headings[at]);
        if (heading < 0) {
            heading += 360.0;
        } else if (heading >= 360.0) {
            heading -= 360.0;
        }
        // Interpolated unit vector, renormalized: no trigonometry on the hot path.
        double sin = sines[at] + u * (sines[next] - sines[at]);
        double cos = cosines[at] + u * (cosines[next] - cosines[at]);
        double norm = Math.sqrt(sin * sin + cos * cos);
        if (norm < 1e-9) {
            sin = sines[next];
            cos = cosines[next];
            norm = 1.0;
        }
        motion.start(easts[at] + u * (easts[next] - easts[at]), norths[at] + u * (norths[next] - norths[at]),
                sin / norm, cos / norm, heading, speedBetween(at, next, u),
                yawRates[at] + u * (yawRates[next] - yawRates[at]));
    }

    /**
     * Speed between two samples: linear, or, when both report their longitudinal acceleration, the cubic through
     * both speeds with those slopes, kept between the two speeds. A car that brakes hard between two BSMs 0.5 s
     * apart keeps its speed until the braking starts; a straight line starts slowing it at the earlier sample,
     * which made a rear-end approach look 0.1 s less urgent than it was at the TTC threshold.
     */
    private double speedBetween(int at, int next, double u) {
        double v0 = speeds[at];
        double v1 = speeds[next];
        double a0 = accelerations[at];
        double a1 = accelerations[next];
        if (!Double.isFinite(a0) || !Double.isFinite(a1)) {
            return v0 + u * (v1 - v0);
        }
        double dtS = (times[next] - times[at]) / 1000.0;
        double u2 = u * u;
        double u3 = u2 * u;
        double v = (2 * u3 - 3 * u2 + 1) * v0 + (u3 - 2 * u2 + u) * dtS * a0 + (3 * u2 - 2 * u3) * v1 + (u3 - u2) * dtS * a1;
        return Math.max(Math.min(v0, v1), Math.min(Math.max(v0, v1), v));
    }

    /**
     * The latest time in [fromMs, toMs] at which the smoothed path (interpolated between samples, carried
     * forward at most the extrapolation limit past the last one) passed within radiusM of (eastM, northM),
     * or {@link #NO_TIME}.
     */
    public long latestTimeWithin(double eastM, double northM, double radiusM, long fromMs, long toMs) {
        if (size == 0) {
            return NO_TIME;
        }
        long lastTime = times[newest];
        if (toMs > lastTime) {
            long end = Math.min(toMs, lastTime + parameters.maxExtrapolationMs());
            stateAt(end, scratch);
            long hit = latestOnSegment(lastTime, easts[newest], norths[newest], end, scratch.eastM(), scratch.northM(),
                    eastM, northM, radiusM);
            if (hit != NO_TIME) {
                return hit;
            }
        } else if (size == 1 || toMs < times[index(size - 1)]) {
            return NO_TIME;
        }
        for (int i = 0; i < size - 1; i++) {
            int b = index(i);
            int a = index(i + 1);
            if (times[b] < fromMs) {
                return NO_TIME;
            }
            if (times[a] >= toMs) {
                continue;
            }
            long tb = times[b];
            double eb = easts[b];
            double nb = norths[b];
            if (tb > toMs) {
                double u = (double) (toMs - times[a]) / (tb - times[a]);
                eb = easts[a] + u * (eb - easts[a]);
                nb = norths[a] + u * (nb - norths[a]);
                tb = toMs;
            }
            long hit = latestOnSegment(times[a], easts[a], norths[a], tb, eb, nb, eastM, northM, radiusM);
            if (hit != NO_TIME) {
                return hit >= fromMs ? hit : NO_TIME;
            }
        }
        return NO_TIME;
    }

    private static long latestOnSegment(long ta, double ea, double na, long tb, double eb, double nb,
                                        double x, double y, double radius) {
        double de = eb - ea;
        double dn = nb - na;
        double fe = ea - x;
        double fn = na - y;
        double a = de * de + dn * dn;
        double c = fe * fe + fn * fn - radius * radius;
        if (a < 1e-12) {
            return c <= 0 ? tb : NO_TIME;
        }
        double b = fe * de + fn * dn;
        double disc = b * b - a * c;
        if (disc < 0) {
            return NO_TIME;
        }
        double root = Math.sqrt(disc);
        double uLate = (-b + root) / a;
        double uEarly = (-b - root) / a;
        if (uLate < 0 || uEarly > 1) {
            return NO_TIME;
        }
        double u = Math.min(uLate, 1.0);
        return ta + Math.round(u * (tb - ta));
    }
}
