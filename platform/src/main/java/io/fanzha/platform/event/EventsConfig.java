package io.fanzha.platform.event;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How a service names itself as an event source, where its events go, and how its consumers wait. */
@ConfigMapping(prefix = "fanzha.events")
public interface EventsConfig {

    /** CloudEvents {@code source} of every event this service publishes. */
    @WithDefault("/fanzha/${quarkus.application.name}")
    String source();

    /**
     * Appended to every topic name, in the outbox and in the consumers' channel configuration. Tests give each
     * run its own topics with it, so a run never reads an earlier run's records.
     */
    Optional<String> topicSuffix();

    /** First pause when the database or the dead-letter topic cannot be reached; it doubles up to {@link #backoffMax()}. */
    @WithDefault("200ms")
    Duration retryBackoff();

    @WithDefault("30s")
    Duration backoffMax();
}
