package io.fanzha.reporting.readmodel;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** The table of generations, {@code read_model_generation}: which schema answers, which is being built. */
@ApplicationScoped
public class Generations {

    private static final String COLUMNS = "id, state, model_version, requested_by, started_at, caught_up_at, retired_at,"
            + " events_replayed, failure";

    @Inject
    EntityManager em;

    @Transactional
    public List<Generation> all() {
        return list("SELECT " + COLUMNS + " FROM read_model_generation ORDER BY id DESC");
    }

    @Transactional
    public Optional<Generation> find(int id) {
        return list("SELECT " + COLUMNS + " FROM read_model_generation WHERE id = " + id).stream().findFirst();
    }

    @Transactional
    public Optional<Generation> inState(String state) {
        return em.createNativeQuery("SELECT " + COLUMNS + " FROM read_model_generation WHERE state = ?1", Object[].class)
                .setParameter(1, state).getResultStream().map(Generations::generation).findFirst();
    }

    /**
     * The active generation, its row share-locked until the transaction ends: a switch to another generation waits
     * for the transactions applying events to this one, and they wait for the switch.
     */
    @Transactional(TxType.MANDATORY)
    public Optional<Generation> activeLocked() {
        return em.createNativeQuery("SELECT " + COLUMNS + " FROM read_model_generation WHERE state = 'ACTIVE' FOR SHARE",
                Object[].class).getResultStream().map(Generations::generation).findFirst();
    }

    /** Registers a new generation as BUILDING; empty when another one is being built already. */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<Generation> startBuilding(int modelVersion, String requestedBy) {
        int id = ((Number) em.createNativeQuery("SELECT coalesce(max(id), 0) + 1 FROM read_model_generation")
                .getSingleResult()).intValue();
        int inserted = em.createNativeQuery("""
                INSERT INTO read_model_generation (id, schema_name, model_version, state, requested_by, started_at)
                VALUES (?1, ?2, ?3, 'BUILDING', ?4, now()) ON CONFLICT DO NOTHING""")
                .setParameter(1, id).setParameter(2, ReadModelSchemas.nameOf(id)).setParameter(3, modelVersion)
                .setParameter(4, requestedBy).executeUpdate();
        return inserted == 0 ? Optional.empty() : find(id);
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void progress(int id, long eventsReplayed) {
        em.createNativeQuery("UPDATE read_model_generation SET events_replayed = ?2 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, eventsReplayed).executeUpdate();
    }

    /** Takes the table's lock for a switch: no event is applied to any generation until the transaction ends. */
    @Transactional(TxType.MANDATORY)
    public void lockForSwitch() {
        em.createNativeQuery("LOCK TABLE read_model_generation IN EXCLUSIVE MODE").executeUpdate();
    }

    /** Makes the generation ACTIVE and retires the one before, in the caller's transaction (after the lock). */
    @Transactional(TxType.MANDATORY)
    public void activate(int id, long eventsReplayed) {
        em.createNativeQuery("UPDATE read_model_generation SET state = 'RETIRED', retired_at = now() WHERE state = 'ACTIVE'")
                .executeUpdate();
        em.createNativeQuery("""
                UPDATE read_model_generation SET state = 'ACTIVE', caught_up_at = now(), events_replayed = ?2
                WHERE id = ?1""").setParameter(1, id).setParameter(2, eventsReplayed).executeUpdate();
    }

    @Transactional(TxType.REQUIRES_NEW)
    public void fail(int id, String failure) {
        em.createNativeQuery("""
                UPDATE read_model_generation SET state = 'FAILED', retired_at = now(), failure = ?2
                WHERE id = ?1 AND state = 'BUILDING'""").setParameter(1, id).setParameter(2, failure).executeUpdate();
    }

    /**
     * Drops the schemas of generations retired before {@code before} or failed, and forgets their rows' schemas; a
     * retired generation's tables stay a while, so a query that read its name just before the switch still finds them.
     */
    @Transactional(TxType.REQUIRES_NEW)
    public int dropRetired(OffsetDateTime before) {
        @SuppressWarnings("unchecked")
        List<String> schemas = em.createNativeQuery("""
                SELECT g.schema_name FROM read_model_generation g JOIN information_schema.schemata s
                    ON s.schema_name = g.schema_name
                WHERE (g.state = 'RETIRED' AND g.retired_at < ?1) OR g.state = 'FAILED'""")
                .setParameter(1, before).getResultList();
        for (String schema : schemas) {
            em.createNativeQuery("DROP SCHEMA " + ReadModelSchemas.checked(schema) + " CASCADE").executeUpdate();
        }
        return schemas.size();
    }

    private List<Generation> list(String sql) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql, Object[].class).getResultList();
        return rows.stream().map(Generations::generation).toList();
    }

    private static Generation generation(Object row) {
        Object[] r = (Object[]) row;
        return new Generation(((Number) r[0]).intValue(), (String) r[1], ((Number) r[2]).intValue(), (String) r[3],
                time(r[4]), time(r[5]), time(r[6]), ((Number) r[7]).longValue(), (String) r[8]);
    }

    public static OffsetDateTime time(Object value) {
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return (OffsetDateTime) value;
    }
}
