/** Assignment of positioned messages to intersections: zones, MapData lane envelopes, locationName aliases, registration. */
package org.trafficsafety.analysis.zone;
