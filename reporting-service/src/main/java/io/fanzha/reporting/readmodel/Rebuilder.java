package io.fanzha.reporting.readmodel;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fanzha.contracts.Topics;
import io.fanzha.platform.event.CloudEvent;
import io.fanzha.platform.event.Failures;
import io.fanzha.platform.event.InvalidCloudEventException;
import io.fanzha.platform.event.KafkaCloudEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Builds a generation from scratch: replays the three topics from their beginning into a fresh schema, then switches
 * it in. The replay runs until little is left, then takes the switch lock (no live batch is applied meanwhile),
 * replays what remains up to the topics' ends as they are at that moment, and makes the generation ACTIVE in the same
 * transaction. After that the live consumers apply only what came later: the generation's own processed_event tells
 * them what the replay applied. One rebuild runs at a time; it holds an advisory lock while it runs, so a service that
 * starts can tell a rebuild left BUILDING by a stopped process from one that is running elsewhere.
 */
@ApplicationScoped
public class Rebuilder {

    private static final Logger LOG = Logger.getLogger(Rebuilder.class);
    private static final long RUNNER_LOCK = 0x0F2A_0001L;
    /** Below this many events left, the last stretch is replayed under the switch lock. */
    private static final long SMALL_LAG = 5_000;
    private static final int MAX_PASSES = 20;
    private static final List<String> TOPICS = List.of(Topics.CAMPAIGN, Topics.OUTREACH, Topics.CASE_STATS);

    @Inject
    Generations generations;

    @Inject
    ReadModelSchemas schemas;

    @Inject
    ReadModelWriter writer;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    /** Tests give each run topics of its own; an empty default would read as missing. */
    @ConfigProperty(name = "fanzha.events.topic-suffix")
    Optional<String> topicSuffix;

    @ConfigProperty(name = "fanzha.reporting.retired-kept", defaultValue = "60s")
    Duration retiredKept;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "read-model-rebuild"));

    /**
     * At startup: a generation left BUILDING by a stopped process fails; when no generation of the current model
     * version is active, one is built (the first start, or a release whose read models changed).
     */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 100) StartupEvent event) {
        int model = schemas.currentModelVersion();
        try (Connection connection = dataSource.getConnection()) {
            if (tryRunnerLock(connection)) {
                generations.inState(Generation.BUILDING).ifPresent(stale -> generations.fail(stale.id(),
                        "the process building it stopped"));
                unlock(connection);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the read-model generations", e);
        }
        Optional<Generation> active = generations.inState(Generation.ACTIVE);
        active.ifPresent(generation -> schemas.migrate(generation.schema()));
        if (active.map(generation -> generation.modelVersion() < model).orElse(true)) {
            start("startup");
        }
    }

    /** Starts a rebuild in the background; empty when one is being built already. */
    public Optional<Generation> start(String requestedBy) {
        Optional<Generation> started = generations.startBuilding(schemas.currentModelVersion(), requestedBy);
        started.ifPresent(generation -> worker.submit(() -> run(generation)));
        return started;
    }

    @Scheduled(identity = "fanzha-read-model-retired", every = "30s", delayed = "30s")
    void dropRetired() {
        int dropped = generations.dropRetired(OffsetDateTime.now().minus(retiredKept));
        if (dropped > 0) {
            LOG.infof("Dropped the tables of %d retired read-model generation(s)", dropped);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private void run(Generation generation) {
        long start = System.nanoTime();
        try (Connection lock = dataSource.getConnection()) {
            if (!tryRunnerLock(lock)) {
                generations.fail(generation.id(), "another rebuild is running");
                return;
            }
            try {
                dropSchema(lock, generation.schema());
                schemas.migrate(generation.schema());
                long applied = replay(generation);
                LOG.infof("Read-model generation %d is active: %d events replayed in %.1f s", generation.id(), applied,
                        (System.nanoTime() - start) / 1e9);
            } finally {
                // The lock is the session's, and the pool keeps the session: it must be let go explicitly.
                unlock(lock);
            }
        } catch (Exception e) {
            LOG.errorf(e, "Rebuilding read-model generation %d failed", generation.id());
            generations.fail(generation.id(), Failures.describe(e));
        }
    }

    private long replay(Generation generation) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Replay replay = new Replay(generation, consumer);
            // At least one pass outside the lock, so that an event the projections refuse is skipped there.
            for (int pass = 0; pass < MAX_PASSES; pass++) {
                replay.until(consumer.endOffsets(partitions), false);
                if (replay.lag(consumer.endOffsets(partitions)) < SMALL_LAG) {
                    break;
                }
            }
            QuarkusTransaction.requiringNew().run(() -> {
                generations.lockForSwitch();
                List<TopicPartition> now = partitions(consumer);
                if (!now.equals(partitions)) {
                    // A topic that did not exist when the replay began: read it from its beginning too.
                    List<TopicPartition> added = now.stream().filter(p -> !partitions.contains(p)).toList();
                    consumer.assign(now);
                    consumer.seekToBeginning(added);
                }
                replay.until(consumer.endOffsets(now), true);
                generations.activate(generation.id(), replay.applied);
            });
            return replay.applied;
        }
    }

    /** The replay's position in the topics and what it applied. */
    private final class Replay {
        final Generation generation;
        final KafkaConsumer<String, byte[]> consumer;
        long applied;
        long reported;

        Replay(Generation generation, KafkaConsumer<String, byte[]> consumer) {
            this.generation = generation;
            this.consumer = consumer;
        }

        long lag(Map<TopicPartition, Long> ends) {
            long lag = 0;
            for (var end : ends.entrySet()) {
                lag += Math.max(0, end.getValue() - consumer.position(end.getKey()));
            }
            return lag;
        }

        /**
         * Applies every record up to {@code ends}. Under the switch lock the batches join the switch's transaction
         * (a failure there rolls the switch back, and the rebuild fails); otherwise each batch has its own, and a
         * batch that fails is applied event by event, skipping what the live consumer would have dead-lettered.
         */
        void until(Map<TopicPartition, Long> ends, boolean underSwitchLock) {
            while (lag(ends) > 0) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                for (var byTopic : decode(records, ends).entrySet()) {
                    if (underSwitchLock) {
                        applied += writer.apply(generation.schema(), byTopic.getKey(), byTopic.getValue());
                    } else {
                        applied += applyAlone(byTopic.getKey(), byTopic.getValue());
                    }
                }
                if (!underSwitchLock && applied - reported >= 10_000) {
                    generations.progress(generation.id(), applied);
                    reported = applied;
                }
            }
        }

        private int applyAlone(String topic, List<CloudEvent> events) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> writer.apply(generation.schema(), topic, events));
            } catch (RuntimeException batchFailure) {
                if (Failures.isDatabaseUnavailable(batchFailure)) {
                    throw batchFailure; // says nothing about the events: the rebuild fails, the active generation stays
                }
                int count = 0;
                for (CloudEvent event : events) {
                    try {
                        count += QuarkusTransaction.requiringNew()
                                .call(() -> writer.apply(generation.schema(), topic, List.of(event)));
                    } catch (RuntimeException e) {
                        if (Failures.isDatabaseUnavailable(e)) {
                            throw e;
                        }
                        skipped(topic, event.id() + " (" + event.type() + ")", e);
                    }
                }
                return count;
            }
        }

        /** The records of this poll below the ends, decoded, grouped by topic in their order. */
        private Map<String, List<CloudEvent>> decode(ConsumerRecords<String, byte[]> records,
                Map<TopicPartition, Long> ends) {
            Map<String, List<CloudEvent>> byTopic = new LinkedHashMap<>();
            Map<TopicPartition, Long> beyond = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : records) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                Long end = ends.get(partition);
                if (end == null || record.offset() >= end) {
                    beyond.putIfAbsent(partition, record.offset());
                    continue;
                }
                String topic = logical(record.topic());
                try {
                    byTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(
                            KafkaCloudEvents.decode(record.key(), record.headers(), record.value(), mapper));
                } catch (InvalidCloudEventException e) {
                    skipped(topic, record.partition() + "@" + record.offset(), e);
                }
            }
            // Past the ends of this pass: the next pass reads them again (the last one under the switch lock).
            beyond.forEach(consumer::seek);
            return byTopic;
        }
    }

    private void skipped(String topic, String what, Throwable reason) {
        LOG.warnf("Rebuild skips %s of %s, as the live consumer dead-letters it: %s", what, topic,
                Failures.describe(reason));
        registry.counter("fanzha.reporting.replay.skipped", "topic", topic).increment();
    }

    private String logical(String topic) {
        String suffix = topicSuffix.orElse("");
        return topic.endsWith(suffix) ? topic.substring(0, topic.length() - suffix.length()) : topic;
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TOPICS) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic + topicSuffix.orElse(""));
            if (infos != null) {
                infos.forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
        }
        return partitions;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "reporting-service.rebuild");
        return new KafkaConsumer<>(props);
    }

    private static boolean tryRunnerLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT pg_try_advisory_lock(" + RUNNER_LOCK + ")")) {
            return result.next() && result.getBoolean(1);
        }
    }

    private static void unlock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_unlock(" + RUNNER_LOCK + ")");
        }
    }

    private static void dropSchema(Connection connection, String schema) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + ReadModelSchemas.checked(schema) + " CASCADE");
        }
    }
}
