package io.fanzha.campaign.category;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fanzha.contracts.EventTypes;
import io.fanzha.contracts.FraudCategoryData;
import io.fanzha.platform.event.CloudEvent;
import io.fanzha.platform.event.IdempotentConsumer;
import io.fanzha.platform.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The fraud categories campaigns and goals may name: a replica of case-stats-service's catalogue, kept from its
 * events ({@code fanzha.casestats.v1}), so that planning a campaign does not depend on that service being up.
 */
@ApplicationScoped
public class FraudCategories {

    /** Consumer name in processed_event, and the channel's consumer group; stable across releases. */
    public static final String NAME = "campaign-service.category-replica";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    @Inject
    IdempotentConsumer consumer;

    @Incoming("casestats-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.apply(NAME, batch, this::apply);
    }

    /** The newest state of each category wins, whatever order redeliveries arrive in. */
    void apply(List<CloudEvent> events) {
        for (CloudEvent event : events) {
            if (event.type().equals(EventTypes.FRAUD_CATEGORY_CREATED) || event.type().equals(EventTypes.FRAUD_CATEGORY_UPDATED)) {
                FraudCategoryData category = event.dataAs(FraudCategoryData.class, mapper);
                em.createNativeQuery("""
                        insert into fraud_category (code, active, version) values (?1, ?2, ?3)
                        on conflict (code) do update set active = excluded.active, version = excluded.version
                        where fraud_category.version < excluded.version""")
                        .setParameter(1, category.code()).setParameter(2, category.active())
                        .setParameter(3, category.version()).executeUpdate();
            }
        }
    }

    /**
     * Each code of {@code codes} that {@code kept} does not already hold must be a known, active category: 400
     * category.unknown or category.inactive, naming {@code field[i]}. Codes a record already had stay usable after
     * their category was deactivated, so that a campaign's other fields can still be changed.
     */
    @Transactional(TxType.SUPPORTS)
    public void requireUsable(String field, List<String> codes, Collection<String> kept) {
        if (codes == null || codes.isEmpty()) {
            return;
        }
        Map<String, Boolean> known = new HashMap<>();
        em.createNativeQuery("select code, active from fraud_category where code = any(?1)", Object[].class)
                .setParameter(1, codes.toArray(String[]::new)).getResultList()
                .forEach(row -> known.put((String) ((Object[]) row)[0], (Boolean) ((Object[]) row)[1]));
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (kept.contains(code)) {
                continue;
            }
            if (!known.containsKey(code)) {
                throw ProblemException.invalidField("category.unknown", field + "[" + i + "]",
                        "No fraud category " + code + " in the catalogue (GET /api/v1/fraud-categories).");
            }
            if (!known.get(code)) {
                throw ProblemException.invalidField("category.inactive", field + "[" + i + "]",
                        "Fraud category " + code + " is no longer used.");
            }
        }
    }
}
