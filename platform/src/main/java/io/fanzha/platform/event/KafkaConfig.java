package io.fanzha.platform.event;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Client timeouts short enough that a dead broker fails a send within seconds instead of minutes.
 * Connection settings ({@code kafka.bootstrap.servers}, security) come from the standard {@code kafka.*}
 * properties.
 */
@ConfigMapping(prefix = "fanzha.kafka")
public interface KafkaConfig {

    /** How long {@code send()} may wait for topic metadata ({@code max.block.ms}). */
    @WithDefault("5s")
    Duration maxBlock();

    /** One produce request ({@code request.timeout.ms}); at most half the delivery timeout. */
    @WithDefault("5s")
    Duration requestTimeout();

    /** Upper bound from {@code send()} to an acknowledgement or a failure ({@code delivery.timeout.ms}). */
    @WithDefault("15s")
    Duration deliveryTimeout();

    /** Longest pause between reconnect attempts, which also bounds the client's warnings while the broker is down. */
    @WithDefault("10s")
    Duration reconnectBackoffMax();
}
