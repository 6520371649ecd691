package io.fanzha.reporting.readmodel;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.fanzha.platform.problem.ProblemException;

/**
 * Where reports read: the active generation, in one transaction, so that every query of an answer sees the same
 * generation. Before the first generation is active (the first replay after a start) an answer is a 503.
 */
@ApplicationScoped
public class ReadModel {

    @Inject
    EntityManager em;

    /** A report's queries on the active generation's tables (unqualified names) and its freshness. */
    @FunctionalInterface
    public interface Reading<T> {
        T read(Connection connection, Freshness freshness) throws SQLException;
    }

    @Transactional
    public <T> T read(Reading<T> reading) {
        List<?> generations = em.createNativeQuery("""
                SELECT id, set_config('search_path', schema_name || ', public', true) FROM read_model_generation
                WHERE state = 'ACTIVE'""").getResultList();
        if (generations.isEmpty()) {
            throw new ProblemException(503, "report.not-ready", "Reports are not ready",
                    "The read models are being built from the events for the first time; try again shortly.");
        }
        Object[] active = (Object[]) generations.get(0);
        Object[] times = (Object[]) em.createNativeQuery(
                "SELECT max(last_event_at), max(last_applied_at) FROM topic_freshness").getSingleResult();
        Freshness freshness = new Freshness(((Number) active[0]).intValue(), Generations.time(times[0]),
                Generations.time(times[1]));
        return em.unwrap(Session.class).doReturningWork(connection -> reading.read(connection, freshness));
    }
}
