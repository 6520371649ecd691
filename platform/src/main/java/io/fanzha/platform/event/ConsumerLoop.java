package io.fanzha.platform.event;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;

/**
 * One handler's consumer thread. Each record is applied in its own transaction together with its
 * {@code processed_event} row; offsets are committed after the batch, so a crash re-delivers and the
 * processed ids turn that into no second effect. A record that keeps failing is parked on the dead-letter
 * topic and the partition moves on; while the database or the dead-letter topic is unreachable the record
 * is retried instead, because then the record is not at fault.
 */
final class ConsumerLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final Duration COMMIT = Duration.ofSeconds(5);
    private static final Duration CLOSE = Duration.ofSeconds(5);

    private final EventHandler handler;
    private final String name;
    private final Map<String, Object> consumerConfig;
    private final ProcessedEvents processed;
    private final DeadLetters deadLetters;
    private final ObjectMapper mapper;
    private final EventsConfig config;
    private final Backoff backoff;
    private final Counter consumed;
    private final Counter duplicates;
    private final Counter deadLettered;

    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
    private volatile boolean running = true;
    private volatile Consumer<byte[], byte[]> consumer;

    ConsumerLoop(EventHandler handler, Map<String, Object> consumerConfig, ProcessedEvents processed,
            DeadLetters deadLetters, ObjectMapper mapper, EventsConfig config, Backoff backoff,
            MeterRegistry registry) {
        this.handler = handler;
        this.name = handler.name();
        this.consumerConfig = consumerConfig;
        this.processed = processed;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
        this.config = config;
        this.backoff = backoff;
        this.consumed = counter(registry, "fanzha.events.consumed", "Events applied for the first time");
        this.duplicates = counter(registry, "fanzha.events.duplicates", "Redelivered events skipped");
        this.deadLettered = counter(registry, "fanzha.events.dead.lettered", "Records parked on a dead-letter topic");
    }

    @Override
    public void run() {
        consumer = new KafkaConsumer<>(consumerConfig);
        try {
            consumer.subscribe(handler.topics(), new CommitOnRevoke());
            LOG.infof("Consumer %s subscribed to %s", name, handler.topics());
            while (running) {
                pollOnce();
            }
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "Consumer %s stopped by an unexpected failure", name);
            throw e;
        } finally {
            commit();
            consumer.close(CLOSE);
            LOG.infof("Consumer %s stopped", name);
        }
    }

    /** Called from another thread: finishes the record in hand, commits and leaves the loop. */
    void stop() {
        running = false;
        stopping.countDown();
        Consumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    private void pollOnce() {
        try {
            ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
            boolean stalled = deliver(records);
            commit();
            if (!stalled) {
                backoff.reset();
            } else {
                pause(backoff.next());
            }
        } catch (WakeupException e) {
            // stop() was called; the loop condition ends the thread.
        } catch (KafkaException e) {
            Duration pause = backoff.next();
            LOG.warnf("Consumer %s cannot poll: %s; next attempt in %s", name, Failures.describe(e), pause);
            pause(pause);
        }
    }

    /** Returns true when a partition stopped at a record that must be retried later. */
    private boolean deliver(ConsumerRecords<byte[], byte[]> records) {
        boolean stalled = false;
        for (TopicPartition partition : records.partitions()) {
            for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                if (!running) {
                    return false;
                }
                if (!deliver(record)) {
                    consumer.seek(partition, record.offset());
                    stalled = true;
                    break;
                }
                done.put(partition, new OffsetAndMetadata(record.offset() + 1));
            }
        }
        return stalled;
    }

    /** True when the record is finished with: applied, skipped as a duplicate, or parked. */
    private boolean deliver(ConsumerRecord<byte[], byte[]> record) {
        CloudEvent event;
        try {
            event = KafkaCloudEvents.decode(record.key(), record.value(), record.headers(), mapper);
        } catch (InvalidCloudEventException e) {
            return deadLetter(record, e);
        }
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= config.maxAttempts(); attempt++) {
            try {
                (apply(event) ? consumed : duplicates).increment();
                return true;
            } catch (RuntimeException e) {
                failure = unwrap(e);
                if (Failures.isDatabaseUnavailable(failure)) {
                    LOG.warnf("Consumer %s cannot reach the database for event %s: %s", name, event.id(),
                            Failures.describe(failure));
                    return false;
                }
                LOG.warnf("Consumer %s failed on event %s (%s), attempt %d of %d: %s", name, event.id(),
                        event.type(), attempt, config.maxAttempts(), Failures.describe(failure));
                if (attempt < config.maxAttempts() && !pause(config.retryBackoff().multipliedBy(attempt))) {
                    return false;
                }
            }
        }
        return deadLetter(record, failure);
    }

    private boolean apply(CloudEvent event) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (!processed.firstDelivery(name, event.id())) {
                return false;
            }
            handler.handle(event);
            return true;
        });
    }

    private boolean deadLetter(ConsumerRecord<byte[], byte[]> record, Throwable error) {
        try {
            deadLetters.send(name, record, error);
        } catch (RuntimeException e) {
            LOG.warnf("Consumer %s cannot dead-letter %s-%d@%d: %s; it will retry", name, record.topic(),
                    record.partition(), record.offset(), Failures.describe(e));
            return false;
        }
        deadLettered.increment();
        LOG.errorf("Consumer %s parked %s-%d@%d on %s: %s", name, record.topic(), record.partition(),
                record.offset(), DeadLetters.topicFor(record.topic()), Failures.describe(error));
        return true;
    }

    private void commit() {
        if (done.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(done, COMMIT);
            done.clear();
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
            // stop() interrupted this commit; the wakeup is spent, so the last attempt in run() goes through.
        } catch (KafkaException e) {
            // The records stay applied; at worst they are delivered again and skipped as duplicates.
            LOG.warnf("Consumer %s could not commit offsets %s: %s", name, done, Failures.describe(e));
        }
    }

    /** Waits unless stopping; returns false when the loop is stopping. */
    private boolean pause(Duration duration) {
        try {
            return !stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static RuntimeException unwrap(RuntimeException e) {
        return e instanceof QuarkusTransactionException && e.getCause() instanceof RuntimeException cause ? cause : e;
    }

    private Counter counter(MeterRegistry registry, String meter, String description) {
        return Counter.builder(meter).tag("consumer", name).description(description).register(registry);
    }

    /** Commits what is done before a partition moves to another instance, so that it does not redo it. */
    private final class CommitOnRevoke implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            commit();
            done.keySet().removeAll(partitions);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            LOG.debugf("Consumer %s assigned %s", name, partitions);
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            done.keySet().removeAll(partitions);
        }
    }
}
