package io.fanzha.platform.event;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * The idempotent consumer's memory: which events each consumer has already applied. Recording an id
 * in the same transaction as the effect makes at-least-once delivery produce exactly-once effects:
 * either both commit, or neither does and the redelivered event is applied then.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    /**
     * Records that {@code consumer} applies {@code eventId} now; false when it already did. A concurrent
     * delivery of the same event waits on the first one's row and then sees it, so it is applied once.
     */
    @Transactional(TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        return em.createNativeQuery("insert into processed_event (consumer, event_id, processed_at)"
                        + " values (:consumer, :eventId, now()) on conflict do nothing")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .executeUpdate() == 1;
    }
}
