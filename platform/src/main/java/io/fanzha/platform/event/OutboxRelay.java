package io.fanzha.platform.event;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes the outbox to Kafka: takes the oldest unsent rows, sends them, and marks a row sent only
 * after the broker acknowledged it. A crash between ack and mark re-sends the row later, which idempotent
 * consumers absorb: delivery is at least once, never zero times.
 *
 * <p>It runs on its own thread, started only in a service that publishes: by the first commit that wrote
 * events, or at startup when unsent rows wait. Each such commit wakes it, so events leave at once and an idle
 * service does not poll; while idle it still looks every {@code fanzha.outbox.idle-sweep} for rows that no
 * commit announced here (another replica's). A loop drains a backlog without pausing.
 */
@ApplicationScoped
public class OutboxRelay {

    /**
     * PostgreSQL advisory lock held by the relaying transaction. With several replicas of a service only
     * one relays at a time, so two relays never interleave the events of one county.
     */
    public static final long RELAY_LOCK = 0x66616e7a6861L;

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String NEXT_BATCH = "select * from outbox_event where sent_at is null"
            + " order by seq limit :limit for update skip locked";
    private static final String BACKLOG = "select count(*) from outbox_event where sent_at is null";

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Inject
    OutboxConfig config;

    /** Every {@code kafka.*} property and {@code KAFKA_*} variable, collected by the Quarkus Kafka extension. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> broker;

    @Inject
    KafkaConfig kafkaConfig;

    @Inject
    MeterRegistry registry;

    private final CountDownLatch stopping = new CountDownLatch(1);
    private final Semaphore wakeUps = new Semaphore(0);
    private Thread worker;
    private Producer<String, byte[]> producer;

    void start(@Observes StartupEvent event) {
        Gauge.builder("fanzha.outbox.backlog", this, relay -> relay.query(BACKLOG))
                .description("Outbox rows not yet acknowledged by Kafka")
                .strongReference(true)
                .register(registry);
        Gauge.builder("fanzha.outbox.oldest.age.seconds", this, relay -> relay.query(
                        "select coalesce(greatest(extract(epoch from now() - min(created_at)), 0), 0)"
                                + " from outbox_event where sent_at is null"))
                .description("Age of the oldest unsent outbox row; 0 when none waits")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
        if (!config.relayEnabled()) {
            LOG.info("Outbox relay disabled (fanzha.outbox.relay-enabled=false)");
        } else if (query(BACKLOG) > 0) {
            wake();
        }
    }

    /** Called after a commit that wrote events: starts the relay if need be and has it look at once. */
    void wake() {
        if (!config.relayEnabled()) {
            return;
        }
        synchronized (this) {
            if (worker == null && stopping.getCount() > 0) {
                worker = new Thread(this::run, "fanzha-outbox-relay");
                worker.setDaemon(true);
                worker.start();
                LOG.info("Outbox relay started");
            }
        }
        wakeUps.release();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        stopping.countDown();
        wakeUps.release();
        Thread worker;
        synchronized (this) {
            worker = this.worker;
        }
        if (worker != null) {
            // A batch in flight ends within the Kafka timeouts; its unmarked rows are simply sent again later.
            worker.join(kafkaTimeout().toMillis());
        }
        synchronized (this) {
            if (producer != null) {
                producer.close(Duration.ofSeconds(5));
            }
        }
    }

    private void run() {
        Backoff backoff = new Backoff(config.backoffInitial(), config.backoffMax());
        try {
            while (stopping.getCount() > 0) {
                Duration pause = relayOnce(backoff);
                if (pause == null) {
                    // Idle: until a commit wakes us, or the sweep is due. Wake-ups already counted are consumed.
                    wakeUps.tryAcquire(config.idleSweep().toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                } else if (stopping.await(pause.toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One batch; returns the pause before the next, ZERO to go on at once, or null when the outbox is empty. */
    private Duration relayOnce(Backoff backoff) {
        try {
            Batch batch = QuarkusTransaction.requiringNew().call(this::sendBatch);
            if (batch.failure() != null) {
                Duration pause = backoff.next();
                LOG.warnf("Outbox relay sent %d of %d events, then failed: %s; next attempt in %s", batch.sent(),
                        batch.taken(), Failures.describe(batch.failure()), pause);
                return pause;
            }
            if (backoff.reset()) {
                LOG.infof("Outbox relay is sending again (%d events in this batch)", batch.sent());
            }
            return batch.taken() == config.batchSize() ? Duration.ZERO : null;
        } catch (RuntimeException e) {
            Duration pause = backoff.next();
            LOG.warnf("Outbox relay could not read the outbox: %s; next attempt in %s", Failures.describe(e), pause);
            return pause;
        }
    }

    private Batch sendBatch() throws InterruptedException {
        boolean mine = (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(:lock)")
                .setParameter("lock", RELAY_LOCK)
                .getSingleResult();
        if (!mine) {
            return new Batch(0, 0, null);
        }
        @SuppressWarnings("unchecked")
        List<OutboxEvent> rows = em.createNativeQuery(NEXT_BATCH, OutboxEvent.class)
                .setParameter("limit", config.batchSize())
                .getResultList();
        if (rows.isEmpty()) {
            return new Batch(0, 0, null);
        }
        List<Future<RecordMetadata>> acks = send(rows);
        // Only the acknowledged prefix is marked, so a row is never marked before an earlier one of its key.
        long waitLimit = kafkaTimeout().toMillis();
        for (int i = 0; i < acks.size(); i++) {
            try {
                acks.get(i).get(waitLimit, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                Throwable failure = e instanceof ExecutionException ? e.getCause() : e;
                markSent(rows.subList(0, i));
                rows.get(i).recordFailure(Failures.describe(failure));
                return new Batch(i, rows.size(), failure);
            }
        }
        markSent(rows);
        return new Batch(acks.size(), rows.size(), null);
    }

    /** One statement for the whole acknowledged prefix, not one update per row. */
    private void markSent(List<OutboxEvent> sent) {
        if (!sent.isEmpty()) {
            em.createNativeQuery("update outbox_event set sent_at = now() where id = any(:ids)")
                    .setParameter("ids", sent.stream().map(row -> row.id).toArray(UUID[]::new))
                    .executeUpdate();
        }
    }

    /** Sends in order and stops at the first send that fails at once (broker unreachable). */
    private List<Future<RecordMetadata>> send(List<OutboxEvent> rows) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (OutboxEvent row : rows) {
            Future<RecordMetadata> ack;
            try {
                ack = producer().send(KafkaCloudEvents.record(row));
            } catch (RuntimeException e) {
                ack = CompletableFuture.failedFuture(e);
            }
            acks.add(ack);
            if (failedAlready(ack)) {
                break;
            }
        }
        return acks;
    }

    private static boolean failedAlready(Future<RecordMetadata> ack) {
        if (!ack.isDone()) {
            return false;
        }
        try {
            ack.get();
            return false;
        } catch (ExecutionException | InterruptedException e) {
            return true;
        }
    }

    private Duration kafkaTimeout() {
        return kafkaConfig.deliveryTimeout().plus(kafkaConfig.maxBlock());
    }

    private synchronized Producer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig());
        }
        return producer;
    }

    /** An idempotent producer that waits for all in-sync replicas and gives up quickly on a dead broker. */
    private Map<String, Object> producerConfig() {
        Map<String, Object> props = new HashMap<>(broker);
        props.putIfAbsent(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9092");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "fanzha-outbox-relay");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) kafkaConfig.maxBlock().toMillis());
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) kafkaConfig.requestTimeout().toMillis());
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) kafkaConfig.deliveryTimeout().toMillis());
        props.put(ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, (int) kafkaConfig.reconnectBackoffMax().toMillis());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return props;
    }

    private double query(String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getDouble(1);
        } catch (SQLException e) {
            return Double.NaN;
        }
    }

    private record Batch(int sent, int taken, Throwable failure) {
    }
}
