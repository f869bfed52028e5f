package org.trafficsafety.tools;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Times one stretch of benchmark work on the calling thread, in CPU time of that thread (one core's throughput even
 * when other processes share the machine) and in wall-clock time; plus the arithmetic the benchmarks share.
 */
final class CpuStopwatch {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final long cpu0 = THREADS.getCurrentThreadCpuTime();
    private final long wall0 = System.nanoTime();

    private CpuStopwatch() {
    }

    /** Starts timing the calling thread; read it from the same thread. */
    static CpuStopwatch start() {
        return new CpuStopwatch();
    }

    long cpuNanos() {
        return THREADS.getCurrentThreadCpuTime() - cpu0;
    }

    long wallNanos() {
        return System.nanoTime() - wall0;
    }

    /** Items per second of the given nanoseconds. */
    static double perSecond(double items, long nanos) {
        return items / (nanos / 1e9);
    }

    /** The middle value (the upper one of an even count), leaving the array as it was. */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
