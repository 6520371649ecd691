package io.fanzha.platform.event;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
     * Records that {@code consumer} applies these events now, in one statement; returns those it had not
     * applied before. A concurrent delivery of the same event waits on the first one's row and then sees it.
     */
    @Transactional(TxType.MANDATORY)
    public Set<UUID> firstDeliveries(String consumer, List<UUID> eventIds) {
        @SuppressWarnings("unchecked")
        List<UUID> inserted = em.createNativeQuery("insert into processed_event (consumer, event_id, processed_at)"
                        + " select :consumer, id, now() from unnest(cast(string_to_array(:ids, ',') as uuid[])) as id"
                        + " on conflict do nothing returning event_id", UUID.class)
                .setParameter("consumer", consumer)
                .setParameter("ids", String.join(",", eventIds.stream().map(UUID::toString).toList()))
                .getResultList();
        return new HashSet<>(inserted);
    }
}
