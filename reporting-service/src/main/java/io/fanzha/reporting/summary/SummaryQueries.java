package io.fanzha.reporting.summary;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.region.RegionLevel;
import io.fanzha.reporting.region.CampaignTopicProjection;

/** Reads the summary of a subtree from the read model in three indexed queries. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class SummaryQueries {

    @Inject
    EntityManager em;

    public Optional<RegionSummary> summary(RegionCode root, LocalDate today) {
        Object[] region = (Object[]) em.createNativeQuery("""
                SELECT r.name, r.level, r.resident_households, r.population,
                       count(s.code), count(s.code) FILTER (WHERE s.level = 'PROVINCE'),
                       count(s.code) FILTER (WHERE s.level = 'PREFECTURE'), count(s.code) FILTER (WHERE s.level = 'COUNTY'),
                       count(s.code) FILTER (WHERE s.level = 'TOWNSHIP'), count(s.code) FILTER (WHERE s.level = 'VILLAGE'),
                       count(s.code) FILTER (WHERE s.level = 'GRID'), max(s.changed_at)
                FROM region_view r JOIN region_view s ON s.code LIKE r.code || '%'
                WHERE r.code = ?1
                GROUP BY r.name, r.level, r.resident_households, r.population""")
                .setParameter(1, root.value())
                .getResultStream().findFirst().orElse(null);
        if (region == null) {
            return Optional.empty();
        }
        Object[] campaigns = (Object[]) em.createNativeQuery("""
                SELECT count(*), count(*) FILTER (WHERE start_date <= ?2 AND end_date >= ?2), max(changed_at)
                FROM campaign_view WHERE region_code LIKE ?1""")
                .setParameter(1, root.value() + "%")
                .setParameter(2, today)
                .getSingleResult();
        OffsetDateTime lastApplied = (OffsetDateTime) em.createNativeQuery(
                "SELECT max(processed_at) FROM processed_event WHERE consumer = ?1", OffsetDateTime.class)
                .setParameter(1, CampaignTopicProjection.NAME)
                .getSingleResult();
        return Optional.of(new RegionSummary(
                root.value(),
                (String) region[0],
                RegionLevel.valueOf((String) region[1]),
                count(region[4]),
                new RegionSummary.RegionsByLevel(count(region[5]), count(region[6]), count(region[7]), count(region[8]),
                        count(region[9]), count(region[10])),
                (Integer) region[2],
                (Integer) region[3],
                new RegionSummary.Campaigns(count(campaigns[0]), count(campaigns[1])),
                latest(asTime(region[11]), asTime(campaigns[2])),
                lastApplied));
    }

    private static long count(Object value) {
        return ((Number) value).longValue();
    }

    private static OffsetDateTime asTime(Object value) {
        if (value instanceof java.time.Instant instant) {
            return instant.atOffset(java.time.ZoneOffset.UTC);
        }
        return (OffsetDateTime) value;
    }

    private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isAfter(b) ? a : b;
    }
}
