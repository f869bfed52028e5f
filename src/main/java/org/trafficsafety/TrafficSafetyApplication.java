package org.trafficsafety;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The long-running service (API, collector, jobs), started by {@code tsi serve} and {@code ./tsi demo}.
 * Everything is configured from environment variables (docs/operations.md).
 */
@SpringBootApplication
public class TrafficSafetyApplication {

    /** The release, shown by /health and {@code tsi --version}. */
    public static final String VERSION = "0.1.0";
}
