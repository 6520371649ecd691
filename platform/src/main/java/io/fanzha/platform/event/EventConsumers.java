package io.fanzha.platform.event;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/** Runs one Kafka consumer thread per {@link EventHandler} bean of the service, from startup to shutdown. */
@ApplicationScoped
public class EventConsumers {

    private static final Logger LOG = Logger.getLogger(EventConsumers.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    @Inject
    @Any
    Instance<EventHandler> handlers;

    @Inject
    KafkaClients kafka;

    @Inject
    KafkaConfig kafkaConfig;

    @Inject
    ProcessedEvents processed;

    @Inject
    ObjectMapper mapper;

    @Inject
    EventsConfig config;

    @Inject
    MeterRegistry registry;

    private final List<ConsumerLoop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private DeadLetters deadLetters;

    void start(@Observes StartupEvent event) {
        if (!config.consumerEnabled()) {
            LOG.info("Event consumers disabled (fanzha.events.consumer-enabled=false)");
            return;
        }
        if (handlers.isUnsatisfied()) {
            return;
        }
        deadLetters = new DeadLetters(kafka, kafkaConfig.deliveryTimeout().plus(kafkaConfig.maxBlock()));
        Set<String> names = new HashSet<>();
        for (EventHandler handler : handlers) {
            if (!names.add(handler.name())) {
                throw new IllegalStateException("Two event handlers share the consumer name " + handler.name());
            }
            if (handler.topics().isEmpty()) {
                throw new IllegalStateException("Event handler " + handler.name() + " names no topic");
            }
            ConsumerLoop loop = new ConsumerLoop(handler, kafka.consumer(handler.name(), config.maxPollRecords()),
                    processed, deadLetters, mapper, config,
                    new Backoff(config.retryBackoff(), config.backoffMax()), registry);
            Thread thread = new Thread(loop, "fanzha-consumer-" + handler.name());
            thread.setDaemon(true);
            loops.add(loop);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        loops.forEach(ConsumerLoop::stop);
        for (Thread thread : threads) {
            thread.join(STOP_TIMEOUT.toMillis());
        }
        if (deadLetters != null) {
            deadLetters.close();
        }
    }
}
