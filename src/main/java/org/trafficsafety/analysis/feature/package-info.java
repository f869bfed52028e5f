/** Per-minute features of an intersection (design section 6): volume, VRU count, speeds, hard braking, event counts. */
package org.trafficsafety.analysis.feature;
