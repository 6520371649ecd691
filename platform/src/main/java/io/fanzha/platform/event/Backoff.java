package io.fanzha.platform.event;

import java.time.Duration;

/** Exponential pause while a dependency is down: initial, doubling, capped; back to nothing once it works. */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration current;

    Backoff(Duration initial, Duration max) {
        this.initial = initial;
        this.max = max;
    }

    Duration next() {
        current = current == null ? initial : min(current.multipliedBy(2), max);
        return current;
    }

    /** Returns whether there was a failure streak to end. */
    boolean reset() {
        boolean failing = current != null;
        current = null;
        return failing;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
