package io.fanzha.reporting.assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fanzha.platform.problem.ProblemException;
import io.fanzha.reporting.readmodel.Generations;

/** The table of published scheme versions, {@code assessment_scheme}: rows are added, never changed. */
@ApplicationScoped
public class Schemes {

    private static final String COLUMNS = "SELECT code, version, region_code, name, rules::text, published_by, published_at"
            + " FROM assessment_scheme s ";

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper mapper;

    /** Publishes version 1; a scheme of that code exists already: 409. */
    @Transactional
    public Scheme create(NewScheme scheme, String publishedBy) {
        int inserted = em.createNativeQuery("""
                INSERT INTO assessment_scheme (code, version, region_code, name, rules, published_by, published_at)
                VALUES (?1, 1, ?2, ?3, CAST(?4 AS jsonb), ?5, now()) ON CONFLICT DO NOTHING""")
                .setParameter(1, scheme.code()).setParameter(2, scheme.regionCode()).setParameter(3, scheme.name())
                .setParameter(4, json(scheme.rules())).setParameter(5, publishedBy).executeUpdate();
        if (inserted == 0) {
            throw ProblemException.conflict("assessment-scheme.exists", "A scheme " + scheme.code()
                    + " exists already; publish a new version of it instead.");
        }
        return version(scheme.code(), 1).orElseThrow();
    }

    /** Publishes the version after the newest; publications of one scheme take their turns. */
    @Transactional
    public Scheme publish(Scheme latest, NewSchemeVersion next, String publishedBy) {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('assessment_scheme:' || ?1))")
                .setParameter(1, latest.code()).getSingleResult();
        int version = ((Number) em.createNativeQuery("SELECT max(version) + 1 FROM assessment_scheme WHERE code = ?1")
                .setParameter(1, latest.code()).getSingleResult()).intValue();
        em.createNativeQuery("""
                INSERT INTO assessment_scheme (code, version, region_code, name, rules, published_by, published_at)
                VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb), ?6, now())""")
                .setParameter(1, latest.code()).setParameter(2, version).setParameter(3, latest.regionCode())
                .setParameter(4, next.name()).setParameter(5, json(next.rules())).setParameter(6, publishedBy)
                .executeUpdate();
        return version(latest.code(), version).orElseThrow();
    }

    @Transactional
    public Optional<Scheme> latest(String code) {
        return list(COLUMNS + "WHERE code = ?1 ORDER BY version DESC LIMIT 1", code, null).stream().findFirst();
    }

    @Transactional
    public Optional<Scheme> version(String code, int version) {
        return list(COLUMNS + "WHERE code = ?1 AND version = ?2", code, version).stream().findFirst();
    }

    /** The newest version of every scheme whose region is in {@code prefix}'s subtree or above it, by code. */
    @Transactional
    public List<Scheme> latestWithinOrAbove(String prefix) {
        return list(COLUMNS + """
                WHERE version = (SELECT max(version) FROM assessment_scheme l WHERE l.code = s.code)
                  AND (region_code LIKE ?1 || '%' OR ?1 LIKE region_code || '%' OR region_code = 'CN')
                ORDER BY code""", prefix, null);
    }

    private List<Scheme> list(String sql, String first, Integer second) {
        var query = em.createNativeQuery(sql, Object[].class).setParameter(1, first);
        if (second != null) {
            query.setParameter(2, second);
        }
        List<Scheme> schemes = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            schemes.add(new Scheme((String) columns[0], ((Number) columns[1]).intValue(), (String) columns[2],
                    (String) columns[3], rules((String) columns[4]), (String) columns[5], Generations.time(columns[6]),
                    versions((String) columns[0])));
        }
        return schemes;
    }

    private List<Integer> versions(String code) {
        List<?> versions = em.createNativeQuery("SELECT version FROM assessment_scheme WHERE code = ?1 ORDER BY version")
                .setParameter(1, code).getResultList();
        return versions.stream().map(version -> ((Number) version).intValue()).toList();
    }

    private String json(SchemeRules rules) {
        try {
            return mapper.writeValueAsString(rules);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private SchemeRules rules(String json) {
        try {
            return mapper.readValue(json, SchemeRules.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored scheme does not read back: " + json, e);
        }
    }
}
