package org.trafficsafety.analysis;

/** The engine's running counts (single-threaded, like the engine). */
final class EngineCounts {
    long analyzed;
    long late;
    long outsideZones;
    long mapData;
    long spat;
    long rejected;
    long minutes;
    long conflicts;
    long eventsOutsideOpenMinute;

    AnalysisCounters snapshot() {
        return new AnalysisCounters(analyzed, late, outsideZones, mapData, spat, rejected, minutes, conflicts,
                eventsOutsideOpenMinute);
    }
}
