package org.trafficsafety.simulation.vccserver;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** Injected misbehaviour of the fake server's HTTP side: error answers to the next N requests, slow answers. */
final class FaultPlan {

    private final AtomicInteger failuresLeft = new AtomicInteger();
    private volatile int failureStatus = 500;
    private volatile Duration delay = Duration.ZERO;

    void failNext(int requests, int status) {
        failureStatus = status;
        failuresLeft.set(requests);
    }

    int failureStatus() {
        return failureStatus;
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
