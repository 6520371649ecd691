package io.fanzha.platform.event;

import java.util.Set;

/**
 * A service's reaction to events, implemented by an {@code @ApplicationScoped} bean. {@link EventConsumers}
 * gives each handler its own consumer group and thread, skips events it has already applied, and sends
 * events it keeps failing on to {@code <topic>.dlq}.
 */
public interface EventHandler {

    /** The consumer group and the consumer's name in {@code processed_event}; stable across releases. */
    String name();

    Set<String> topics();

    /**
     * Applies one event, inside a transaction that also records the event as processed. Throw to refuse it:
     * the transaction rolls back and the event is retried, then dead-lettered.
     */
    void handle(CloudEvent event);
}
