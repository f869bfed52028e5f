package org.trafficsafety.source.vcc;

import java.time.Duration;

/** Waits; injected so that tests can replace real sleeping with an advancing fake clock. */
@FunctionalInterface
public interface Sleeper {

    Sleeper SYSTEM = duration -> Thread.sleep(duration);

    void sleep(Duration duration) throws InterruptedException;
}
