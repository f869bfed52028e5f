package org.trafficsafety.api;

import java.util.Map;

/**
 * One section of {@code GET /health} besides the database (the archive, the collector, ...): a Spring bean
 * implementing this is picked up by {@link HealthController}. {@link #check()} must be cheap (no network calls that
 * can hang) and must not throw.
 */
public interface HealthSection {

    /** The JSON key of the section, e.g. "collector". */
    String name();

    Report check();

    /** {@code up = false} makes the overall status "degraded"; {@code details} are shown as they are. */
    record Report(boolean up, Map<String, Object> details) {
        public Report {
            details = Map.copyOf(details);
        }
    }
}
