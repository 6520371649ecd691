package io.fanzha.platform.event;

import java.util.List;

/**
 * A service's reaction to events, given to {@link IdempotentConsumer#apply}: the events of one batch that were
 * not applied before, in their order on the topic. It runs inside the transaction that records them as
 * processed, so their effects commit exactly once; writing them as one JDBC batch keeps a burst cheap (one
 * round trip instead of one per event). Throw to refuse: the transaction rolls back, the events are tried one
 * at a time, and an event refused on its own ends on the dead-letter topic with the exception as the reason.
 */
@FunctionalInterface
public interface EventHandler {

    void apply(List<CloudEvent> events);
}
