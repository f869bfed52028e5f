/**
 * The analysis library: assignment of messages to intersections, tracks, conflict detection, per-minute
 * features, normalization constants, safety indices and Empirical-Bayes shrinkage (design section 6).
 * Plain Java: no Spring, JDBC or storage here.
 */
package org.trafficsafety.analysis;
