package io.fanzha.platform.event;

import java.time.OffsetDateTime;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/** Deletes sent outbox rows once they are older than {@code fanzha.outbox.retention}, in small transactions. */
@ApplicationScoped
public class OutboxRetention {

    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);
    private static final int CHUNK = 1000;

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    @Scheduled(identity = "fanzha-outbox-retention", every = "1h", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteExpired() {
        OffsetDateTime cutoff = OffsetDateTime.now().minus(config.retention());
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                            "delete from outbox_event where id in (select id from outbox_event"
                                    + " where sent_at < :cutoff limit " + CHUNK + ")")
                    .setParameter("cutoff", cutoff)
                    .executeUpdate());
            total += deleted;
        } while (deleted == CHUNK);
        if (total > 0) {
            LOG.infof("Deleted %d outbox events sent before %s", total, cutoff);
        }
    }
}
