package io.fanzha.casestats.region;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.RegionData;
import io.fanzha.contracts.RegionDataV1;
import io.fanzha.platform.event.CloudEvent;
import io.fanzha.platform.event.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The regions case reports may name: a replica of campaign-service's regions, kept from its events. Only the code
 * and version are kept; names and denominators are reporting's business.
 */
@ApplicationScoped
public class Regions {

    /** Consumer name in processed_event, and the channel's consumer group; stable across releases. */
    public static final String NAME = "case-stats-service.region-replica";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    IdempotentConsumer consumer;

    @Incoming("campaign-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.apply(NAME, batch, this::apply);
    }

    /** In order; a deletion removes the code, and a newer version always wins over a replayed older one. */
    void apply(List<CloudEvent> events) {
        for (CloudEvent event : events) {
            switch (event.type()) {
                case EventTypes.REGION_CREATED, EventTypes.REGION_UPDATED -> upsert(event.dataAs(RegionData.class, mapper));
                case EventTypes.REGION_CREATED_V1, EventTypes.REGION_UPDATED_V1 ->
                        upsert(event.dataAs(RegionDataV1.class, mapper).upgrade());
                case EventTypes.REGION_DELETED -> {
                    RegionData region = event.dataAs(RegionData.class, mapper);
                    em.createNativeQuery("delete from region where code = ?1 and version < ?2")
                            .setParameter(1, region.code()).setParameter(2, region.version()).executeUpdate();
                }
                default -> {
                    // Campaigns, units and the rest of the topic are not case-stats' concern.
                }
            }
        }
    }

    private void upsert(RegionData region) {
        em.createNativeQuery("""
                insert into region (code, version) values (?1, ?2)
                on conflict (code) do update set version = excluded.version where region.version < excluded.version""")
                .setParameter(1, region.code()).setParameter(2, region.version()).executeUpdate();
    }

    /** Which of these codes are known regions. */
    @Transactional(TxType.SUPPORTS)
    public Set<String> known(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery("select code from region where code = any(?1)")
                .setParameter(1, codes.toArray(String[]::new)).getResultList();
        return new HashSet<>(found);
    }
}
