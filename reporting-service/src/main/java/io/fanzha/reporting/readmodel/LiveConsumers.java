package io.fanzha.reporting.readmodel;

import java.util.List;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.fanzha.contracts.Topics;
import io.fanzha.platform.event.CloudEvent;
import io.fanzha.platform.event.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Applies the three topics, as they arrive, to the active generation. Each batch share-locks the active generation's
 * row, so that a rebuild's switch happens between batches (see {@link Rebuilder}). While no generation is active yet
 * (the first replay), a batch changes nothing: that replay ends at the topics' ends under the switch lock, so it
 * holds these events too.
 */
@ApplicationScoped
public class LiveConsumers {

    /** Consumer names in processed_event and consumer groups; stable across releases. */
    public static final String CAMPAIGN = "reporting-service.campaign-projection";
    public static final String OUTREACH = "reporting-service.outreach-projection";
    public static final String CASE_STATS = "reporting-service.casestats-projection";

    @Inject
    IdempotentConsumer consumer;

    @Inject
    Generations generations;

    @Inject
    ReadModelWriter writer;

    @Incoming("campaign-events")
    @Blocking
    public CompletionStage<Void> campaign(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.apply(CAMPAIGN, batch, events -> applyToActive(Topics.CAMPAIGN, events));
    }

    @Incoming("outreach-events")
    @Blocking
    public CompletionStage<Void> outreach(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.apply(OUTREACH, batch, events -> applyToActive(Topics.OUTREACH, events));
    }

    @Incoming("casestats-events")
    @Blocking
    public CompletionStage<Void> caseStats(KafkaRecordBatch<String, byte[]> batch) {
        return consumer.apply(CASE_STATS, batch, events -> applyToActive(Topics.CASE_STATS, events));
    }

    private void applyToActive(String topic, List<CloudEvent> events) {
        generations.activeLocked().ifPresent(active -> writer.apply(active.schema(), topic, events));
    }
}
