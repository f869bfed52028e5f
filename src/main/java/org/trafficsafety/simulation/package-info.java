/** The built-in traffic micro-simulator: seeded intersections, signals, vehicles, VRUs, risky behaviour and its ground truth. */
package org.trafficsafety.simulation;
