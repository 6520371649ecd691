package io.fanzha.platform.event;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The outbox relay: how often it looks, how much it takes, how it waits while Kafka is down. */
@ConfigMapping(prefix = "fanzha.outbox")
public interface OutboxConfig {

    @WithDefault("true")
    boolean relayEnabled();

    /** Pause after a poll that found less than a full batch. */
    @WithDefault("200ms")
    Duration pollInterval();

    @WithDefault("100")
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
