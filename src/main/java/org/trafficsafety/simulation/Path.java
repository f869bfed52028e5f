package org.trafficsafety.simulation;

import java.util.Arrays;

/**
 * A route in the local metric frame (x east, y north), resampled every {@link #DS} metres of arc length, with the
 * heading (math angle, radians, unwrapped) and curvature (1/m, positive to the left) at each sample.
 */
final class Path {

    static final double DS = 0.25;

    private final double[] x;
    private final double[] y;
    private final double[] theta;
    private final double[] curvature;
    private final double length;

    private Path(double[] x, double[] y) {
        this.x = x;
        this.y = y;
        int n = x.length;
        this.length = (n - 1) * DS;
        theta = new double[n];
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - 1);
            int b = Math.min(n - 1, i + 1);
            theta[i] = Math.atan2(y[b] - y[a], x[b] - x[a]);
            if (i > 0) {
                theta[i] = theta[i - 1] + wrap(theta[i] - theta[i - 1]);
            }
        }
        curvature = new double[n];
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - 2);
            int b = Math.min(n - 1, i + 2);
            curvature[i] = b > a ? (theta[b] - theta[a]) / ((b - a) * DS) : 0;
        }
    }

    /** Builds a path through the given points (joined by straight lines), resampled by arc length. */
    static Path through(double[] px, double[] py) {
        double[] cum = new double[px.length];
        for (int i = 1; i < px.length; i++) {
            cum[i] = cum[i - 1] + Math.hypot(px[i] - px[i - 1], py[i] - py[i - 1]);
        }
        int n = (int) Math.floor(cum[cum.length - 1] / DS) + 1;
        double[] x = new double[n];
        double[] y = new double[n];
        int seg = 0;
        for (int i = 0; i < n; i++) {
            double s = i * DS;
            while (seg < px.length - 2 && cum[seg + 1] < s) {
                seg++;
            }
            double segLen = cum[seg + 1] - cum[seg];
            double f = segLen > 0 ? (s - cum[seg]) / segLen : 0;
            x[i] = px[seg] + f * (px[seg + 1] - px[seg]);
            y[i] = py[seg] + f * (py[seg + 1] - py[seg]);
        }
        return new Path(x, y);
    }

    /** Densely sampled polyline helper: straight segments and cubic Bézier curves appended in order. */
    static final class Builder {
        private double[] xs = new double[256];
        private double[] ys = new double[256];
        private int n;

        Builder start(double x0, double y0) {
            add(x0, y0);
            return this;
        }

        Builder lineTo(double x1, double y1) {
            add(x1, y1);
            return this;
        }

        Builder curveTo(double c1x, double c1y, double c2x, double c2y, double x1, double y1) {
            double x0 = xs[n - 1];
            double y0 = ys[n - 1];
            for (int k = 1; k <= 200; k++) {
                double t = k / 200.0;
                double u = 1 - t;
                double b0 = u * u * u;
                double b1 = 3 * u * u * t;
                double b2 = 3 * u * t * t;
                double b3 = t * t * t;
                add(b0 * x0 + b1 * c1x + b2 * c2x + b3 * x1, b0 * y0 + b1 * c1y + b2 * c2y + b3 * y1);
            }
            return this;
        }

        /** A circular arc around (cx, cy) from angle a0 to a1 (radians, counter-clockwise positive). */
        Builder arc(double cx, double cy, double radius, double a0, double a1) {
            int steps = (int) Math.ceil(Math.abs(a1 - a0) * radius / 0.05) + 1;
            for (int k = 0; k <= steps; k++) {
                double a = a0 + (a1 - a0) * k / steps;
                add(cx + radius * Math.cos(a), cy + radius * Math.sin(a));
            }
            return this;
        }

        Path build() {
            return through(Arrays.copyOf(xs, n), Arrays.copyOf(ys, n));
        }

        private void add(double x, double y) {
            if (n > 0 && Math.hypot(x - xs[n - 1], y - ys[n - 1]) < 1e-9) {
                return;
            }
            if (n == xs.length) {
                xs = Arrays.copyOf(xs, 2 * n);
                ys = Arrays.copyOf(ys, 2 * n);
            }
            xs[n] = x;
            ys[n] = y;
            n++;
        }
    }

    double length() {
        return length;
    }

    int samples() {
        return x.length;
    }

    double sampleX(int i) {
        return x[i];
    }

    double sampleY(int i) {
        return y[i];
    }

    double x(double s) {
        return interpolate(x, s);
    }

    double y(double s) {
        return interpolate(y, s);
    }

    /** Heading as a math angle (radians counter-clockwise from east). */
    double theta(double s) {
        return interpolate(theta, s);
    }

    double curvature(double s) {
        return interpolate(curvature, s);
    }

    /** The arc length of the sample nearest to (px, py) within [fromS, toS], by a linear scan. */
    double nearestS(double px, double py, double fromS, double toS) {
        int a = Math.max(0, (int) (fromS / DS));
        int b = Math.min(x.length - 1, (int) Math.ceil(toS / DS));
        int best = a;
        double bestD = Double.MAX_VALUE;
        for (int i = a; i <= b; i++) {
            double d = (x[i] - px) * (x[i] - px) + (y[i] - py) * (y[i] - py);
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best * DS;
    }

    private static double interpolate(double[] v, double s) {
        if (s <= 0) {
            return v[0];
        }
        double f = s / DS;
        int i = (int) f;
        if (i >= v.length - 1) {
            return v[v.length - 1];
        }
        double w = f - i;
        return v[i] + w * (v[i + 1] - v[i]);
    }

    static double wrap(double a) {
        while (a > Math.PI) {
            a -= 2 * Math.PI;
        }
        while (a < -Math.PI) {
            a += 2 * Math.PI;
        }
        return a;
    }
}
