package io.fanzha.platform.replica;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.RegionData;
import io.fanzha.contracts.RegionDataV1;
import io.fanzha.platform.event.CloudEvent;

/**
 * A service's replica of the regions campaign-service announces on {@code fanzha.campaign.v1}: the codes (with name
 * and version) that its records may name, in its own table {@code region (code, name, version)}. Applied by the
 * service's consumer in the transaction of the batch (IdempotentConsumer); a newer version always wins over a
 * replayed older one, and a deleted region leaves the replica.
 */
@ApplicationScoped
public class RegionReplica {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    /** Applies the event if it is about a region; answers whether it was. */
    public boolean apply(CloudEvent event) {
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
                return false;
            }
        }
        return true;
    }

    private void upsert(RegionData region) {
        em.createNativeQuery("""
                insert into region (code, name, version) values (?1, ?2, ?3)
                on conflict (code) do update set name = excluded.name, version = excluded.version
                where region.version < excluded.version""")
                .setParameter(1, region.code()).setParameter(2, region.name()).setParameter(3, region.version())
                .executeUpdate();
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
