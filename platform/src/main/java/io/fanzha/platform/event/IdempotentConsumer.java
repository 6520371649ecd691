package io.fanzha.platform.event;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Applies the events of a Kafka batch exactly once each: one transaction for the whole batch, with every event
 * id recorded in {@code processed_event} beside its effect, so a burst costs one commit per batch and a
 * redelivered event has no second effect. When the batch fails, its events are applied one at a time, so that
 * only an event at fault is parked on the dead-letter topic (the messaging library's dead-letter strategy) and
 * the others go through. While the database is unreachable nothing is parked: the batch waits and is retried.
 *
 * <p>A service's consumer is an ordered blocking {@code @Incoming} method that hands its batch here:
 * <pre>
 * &#64;Incoming("campaign-events")
 * &#64;Blocking
 * public CompletionStage&lt;Void&gt; consume(KafkaRecordBatch&lt;String, byte[]&gt; batch) {
 *     return consumer.apply(NAME, batch, this::apply);   // apply(List&lt;CloudEvent&gt;) writes the effects
 * }
 * </pre>
 * See docs/events.md for the channel configuration.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    @Inject
    ProcessedEvents processed;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry registry;

    @Inject
    EventsConfig config;

    // A database or broker outage says nothing about the events: wait, doubling the pause, for as long as it lasts.
    private Guard untilTheDatabaseAnswers;
    private Guard untilTheDeadLetterTopicAnswers;

    @PostConstruct
    void guards() {
        untilTheDatabaseAnswers = waiting("database", Failures::isDatabaseUnavailable);
        untilTheDeadLetterTopicAnswers = waiting("dead-letter topic", failure -> true);
    }

    /**
     * Applies the batch and acknowledges it once every event is applied, skipped as a duplicate or parked.
     * The returned stage fails (and nothing is acknowledged) only when the service is shutting down.
     */
    public CompletionStage<Void> apply(String consumer, KafkaRecordBatch<String, byte[]> batch, EventHandler handler) {
        long start = System.nanoTime();
        try {
            List<Delivery> deliveries = new ArrayList<>();
            for (KafkaRecord<String, byte[]> record : batch.getRecords()) {
                try {
                    deliveries.add(new Delivery(record,
                            KafkaCloudEvents.decode(record.getKey(), record.getHeaders(), record.getPayload(), mapper)));
                } catch (InvalidCloudEventException e) {
                    park(consumer, record, e);
                }
            }
            try {
                applyInOneTransaction(consumer, deliveries, handler);
            } catch (EventFailed batchFailure) {
                if (deliveries.size() == 1) {
                    // The event refused on its own already: trying it alone again would only repeat that.
                    park(consumer, deliveries.get(0).record(), batchFailure.getCause());
                    return batch.ack();
                }
                LOG.debugf("Consumer %s applies a batch of %d one event at a time: %s", consumer, deliveries.size(),
                        Failures.describe(batchFailure.getCause()));
                for (Delivery delivery : deliveries) {
                    try {
                        applyInOneTransaction(consumer, List.of(delivery), handler);
                    } catch (EventFailed failure) {
                        park(consumer, delivery.record(), failure.getCause());
                    }
                }
            }
            LOG.debugf("Consumer %s handled a batch of %d records in %.1f ms", consumer, batch.getRecords().size(),
                    (System.nanoTime() - start) / 1e6);
            return batch.ack();
        } catch (RuntimeException e) {
            // Only an interrupted wait gets here (shutdown): without an ack the batch is delivered again.
            return CompletableFuture.failedFuture(e);
        }
    }

    private void applyInOneTransaction(String consumer, List<Delivery> deliveries, EventHandler handler) {
        if (deliveries.isEmpty()) {
            return;
        }
        Outcome outcome;
        try {
            outcome = untilTheDatabaseAnswers.get(() -> QuarkusTransaction.requiringNew().call(() -> {
                Set<UUID> fresh = processed.firstDeliveries(consumer, deliveries.stream().map(d -> d.event().id()).toList());
                List<CloudEvent> events = new ArrayList<>(fresh.size());
                for (Delivery delivery : deliveries) {
                    // remove: an event twice in one batch is applied once.
                    if (fresh.remove(delivery.event().id())) {
                        events.add(delivery.event());
                    }
                }
                if (!events.isEmpty()) {
                    handler.apply(events);
                }
                return new Outcome(events.size(), deliveries.size() - events.size());
            }), Outcome.class);
        } catch (RuntimeException e) {
            if (Failures.isInterruption(e)) {
                throw e;
            }
            throw new EventFailed(Failures.unwrap(e));
        }
        counter(consumer, "fanzha.events.consumed", "Events applied for the first time").increment(outcome.applied());
        counter(consumer, "fanzha.events.duplicates", "Redelivered events skipped").increment(outcome.duplicates());
    }

    /** Sends the record to the channel's dead-letter topic and waits until the broker has it. */
    private void park(String consumer, KafkaRecord<String, byte[]> record, Throwable reason) {
        String offset = record.getMetadata(IncomingKafkaRecordMetadata.class).map(m -> "@" + m.getOffset()).orElse("");
        LOG.errorf("Consumer %s parks %s-%d%s on the dead-letter topic: %s", consumer, record.getTopic(),
                record.getPartition(), offset, Failures.describe(reason));
        untilTheDeadLetterTopicAnswers.get(() -> record.nack(reason).toCompletableFuture().join(), Void.class);
        counter(consumer, "fanzha.events.dead.lettered", "Records parked on a dead-letter topic").increment();
    }

    private Guard waiting(String dependency, Predicate<Throwable> outage) {
        return Guard.create()
                .withDescription("consumer waiting for the " + dependency)
                .withRetry()
                .maxRetries(-1)
                .maxDuration(0, ChronoUnit.MILLIS)
                .delay(config.retryBackoff().toMillis(), ChronoUnit.MILLIS)
                .withExponentialBackoff().maxDelay(config.backoffMax().toMillis(), ChronoUnit.MILLIS).done()
                .whenException(failure -> !Failures.isInterruption(failure) && outage.test(failure))
                .beforeRetry(failure -> LOG.warnf("Consumer cannot reach the %s: %s; retrying", dependency,
                        Failures.describe(failure)))
                .done()
                .build();
    }

    private Counter counter(String consumer, String name, String description) {
        return Counter.builder(name).tag("consumer", consumer).description(description).register(registry);
    }

    private record Delivery(KafkaRecord<String, byte[]> record, CloudEvent event) {
    }

    private record Outcome(int applied, int duplicates) {
    }

    /** An event (or a batch) the handler or its data refused: its cause is the reason for the dead-letter topic. */
    private static final class EventFailed extends RuntimeException {
        EventFailed(Throwable cause) {
            super(cause);
        }
    }
}
