/** Smoothed per-road-user tracks in an intersection's local frame: causal Kalman filtering, yaw rate, interpolation. */
package org.trafficsafety.analysis.track;
