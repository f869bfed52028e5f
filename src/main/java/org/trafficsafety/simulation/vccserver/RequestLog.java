package org.trafficsafety.simulation.vccserver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Counts the requests per path and keeps their arrival times, so tests can check what the client sent. */
final class RequestLog {

    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    private final List<Long> arrivalsNanos = new ArrayList<>();

    void record(String path) {
        counts.computeIfAbsent(path, p -> new AtomicLong()).incrementAndGet();
        synchronized (arrivalsNanos) {
            arrivalsNanos.add(System.nanoTime());
        }
    }

    long count(String path) {
        AtomicLong count = counts.get(path);
        return count == null ? 0 : count.get();
    }

    List<Long> arrivalsNanos() {
        synchronized (arrivalsNanos) {
            return List.copyOf(arrivalsNanos);
        }
    }
}
