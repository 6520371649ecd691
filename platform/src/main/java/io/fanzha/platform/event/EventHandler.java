package io.fanzha.platform.event;

/**
 * A service's reaction to one event, given to {@link IdempotentConsumer#apply}. It runs inside the transaction
 * that records the event as processed, so its effect commits exactly once. Throw to refuse the event: the
 * transaction rolls back and the event ends on the dead-letter topic with the exception as the reason.
 */
@FunctionalInterface
public interface EventHandler {

    void apply(CloudEvent event);
}
