package org.trafficsafety.analysis;

/**
 * What the engine has seen so far, for metrics and status pages. A snapshot; counts only grow.
 *
 * @param analyzed                BSMs and PSMs fed to tracks, conflicts and features
 * @param late                    BSMs and PSMs older than their intersection's frontier (reported through onLate)
 * @param outsideZones            BSMs and PSMs in no intersection's zone
 * @param mapData                 MapData messages (their intersections registered or updated)
 * @param spat                    SPaT messages (not used by tsi-1)
 * @param rejected                rejections passed on by the decoder in front of the engine
 * @param minutes                 index rows emitted
 * @param conflicts               conflict events emitted
 * @param eventsOutsideOpenMinute conflict events whose start minute had already closed (emitted, not counted in a row)
 */
public record AnalysisCounters(long analyzed, long late, long outsideZones, long mapData, long spat, long rejected,
        long minutes, long conflicts, long eventsOutsideOpenMinute) {
}
