package io.fanzha.platform.event;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service names itself as an event source and how its consumers run. */
@ConfigMapping(prefix = "fanzha.events")
public interface EventsConfig {

    /** CloudEvents {@code source} of every event this service publishes. */
    @WithDefault("/fanzha/${quarkus.application.name}")
    String source();

    /** Starts one Kafka consumer thread per {@link EventHandler} bean. */
    @WithDefault("true")
    boolean consumerEnabled();

    /** Deliveries of one record to a failing handler before it goes to the dead-letter topic. */
    @WithDefault("3")
    int maxAttempts();

    /** Pause before the second attempt; later attempts wait proportionally longer. */
    @WithDefault("200ms")
    Duration retryBackoff();

    /** Longest pause, doubling from {@link #retryBackoff()}, while Kafka or the database is down. */
    @WithDefault("30s")
    Duration backoffMax();

    /** Records fetched per poll, each handled in its own transaction. */
    @WithDefault("100")
    int maxPollRecords();
}
