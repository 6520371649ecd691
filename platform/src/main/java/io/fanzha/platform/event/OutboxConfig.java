package io.fanzha.platform.event;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The outbox relay: how much it takes at once, how it waits while Kafka is down, how long sent rows stay. */
@ConfigMapping(prefix = "fanzha.outbox")
public interface OutboxConfig {

    @WithDefault("true")
    boolean relayEnabled();

    /**
     * The relay is woken by each commit that wrote events; while idle it also looks this often for rows it
     * was not told of (left by a replica that stopped before sending them).
     */
    @WithDefault("10s")
    Duration idleSweep();

    @WithDefault("500")
    int batchSize();

    /** First pause after a failed send; it doubles on each further failure up to {@link #backoffMax()}. */
    @WithDefault("500ms")
    Duration backoffInitial();

    @WithDefault("30s")
    Duration backoffMax();

    /** Sent rows are kept this long for inspection and replay, then deleted. */
    @WithDefault("7d")
    Duration retention();
}
