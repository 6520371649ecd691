package io.fanzha.platform.event;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Parks a record that a consumer cannot apply on {@code <topic>.dlq}: the original key, value and headers,
 * plus headers that say who failed, how, and where the record came from, so it can be fixed and replayed.
 */
public final class DeadLetters implements AutoCloseable {

    public static final String SUFFIX = ".dlq";
    public static final String HEADER_ERROR = "fanzha_error";
    public static final String HEADER_ERROR_CLASS = "fanzha_error_class";
    public static final String HEADER_CONSUMER = "fanzha_consumer";
    public static final String HEADER_ORIGINAL_PARTITION = "fanzha_original_partition";
    public static final String HEADER_ORIGINAL_OFFSET = "fanzha_original_offset";

    private static final String[] OWN_HEADERS = {HEADER_ERROR, HEADER_ERROR_CLASS, HEADER_CONSUMER,
        HEADER_ORIGINAL_PARTITION, HEADER_ORIGINAL_OFFSET};

    private final KafkaClients kafka;
    private final Duration ackTimeout;
    private Producer<byte[], byte[]> producer;

    DeadLetters(KafkaClients kafka, Duration ackTimeout) {
        this.kafka = kafka;
        this.ackTimeout = ackTimeout;
    }

    public static String topicFor(String topic) {
        return topic + SUFFIX;
    }

    /** Sends and waits for the broker's ack; throws when the record could not be parked. */
    void send(String consumer, ConsumerRecord<byte[], byte[]> record, Throwable error) {
        Headers headers = new RecordHeaders(record.headers().toArray());
        // A record replayed from a dead-letter topic and failing again carries only the latest failure.
        for (String name : OWN_HEADERS) {
            headers.remove(name);
        }
        add(headers, HEADER_ERROR, Failures.describe(error));
        add(headers, HEADER_ERROR_CLASS, error.getClass().getName());
        add(headers, HEADER_CONSUMER, consumer);
        add(headers, HEADER_ORIGINAL_PARTITION, Integer.toString(record.partition()));
        add(headers, HEADER_ORIGINAL_OFFSET, Long.toString(record.offset()));
        ProducerRecord<byte[], byte[]> parked = new ProducerRecord<>(topicFor(record.topic()), null, record.key(),
                record.value(), headers);
        try {
            producer().send(parked).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException("dead-letter topic unreachable: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("dead-letter topic did not acknowledge in " + ackTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        }
    }

    private synchronized Producer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(kafka.producer("fanzha-dead-letters", false));
        }
        return producer;
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
