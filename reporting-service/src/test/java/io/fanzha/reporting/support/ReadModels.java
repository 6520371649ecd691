package io.fanzha.reporting.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.persistence.EntityManager;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** What the tests read straight from the active read-model generation's tables. */
public final class ReadModels {

    private ReadModels() {
    }

    /** Waits until a generation is active: after a start, the first replay of the topics comes first. */
    public static void awaitActive() {
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(100))
                .until(() -> count("SELECT count(*) FROM read_model_generation WHERE state = 'ACTIVE'") == 1);
    }

    /** A count from the active generation's tables (unqualified names). */
    public static long countInActive(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            em.createNativeQuery("SELECT set_config('search_path', schema_name || ', public', true)"
                    + " FROM read_model_generation WHERE state = 'ACTIVE'").getSingleResult();
            return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
        });
    }

    public static long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) Arc.container().instance(EntityManager.class).get()
                .createNativeQuery(sql).getSingleResult()).longValue());
    }
}
