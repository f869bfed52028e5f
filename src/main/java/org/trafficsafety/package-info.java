/** trafficsafety: per-intersection, per-minute traffic-safety indices from connected-vehicle messages; the Spring Boot application. */
package org.trafficsafety;
