package io.fanzha.casestats.region;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.fanzha.platform.event.IdempotentConsumer;
import io.fanzha.platform.replica.RegionReplica;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * The regions case reports may name: the platform's replica of campaign-service's regions (RegionReplica). Campaigns,
 * units and the rest of the topic are not case-stats' concern.
 */
@ApplicationScoped
public class Regions {

    /** Consumer name in processed_event, and the channel's consumer group; stable across releases. */
    public static final String NAME = "case-stats-service.region-replica";

    @Inject
    RegionReplica replica;

    @Inject
    IdempotentConsumer consumer;

    @Incoming("campaign-events")
    @Blocking
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.apply(NAME, batch, events -> events.forEach(replica::apply));
    }

    /** Which of these codes are known regions. */
    public Set<String> known(Collection<String> codes) {
        return replica.known(codes);
    }
}
