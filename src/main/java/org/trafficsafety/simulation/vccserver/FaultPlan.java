package org.trafficsafety.simulation.vccserver;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Injected misbehaviour of the fake server's HTTP side: failures for the next N requests, slow answers. */
final class FaultPlan {

    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile Duration delay = Duration.ZERO;

    void failNext(int requests) {
        failuresLeft.set(requests);
    }

    void delay(Duration answerDelay) {
        delay = answerDelay;
    }

    /** Consumes one injected failure, if any is left. */
    boolean takeFailure() {
        return failuresLeft.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    void delay() throws InterruptedException {
        Duration current = delay;
        if (!current.isZero()) {
            Thread.sleep(current);
        }
    }
}
