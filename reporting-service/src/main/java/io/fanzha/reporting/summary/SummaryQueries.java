package io.fanzha.reporting.summary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.region.RegionLevel;
import io.fanzha.reporting.readmodel.Freshness;
import io.fanzha.reporting.readmodel.ReadModel;

/** Reads the summary of a subtree from the read model in two indexed queries. */
@ApplicationScoped
public class SummaryQueries {

    @Inject
    ReadModel readModel;

    public Optional<RegionSummary> summary(RegionCode root, LocalDate today) {
        return readModel.read((connection, freshness) -> summary(connection, freshness, root, today));
    }

    private static Optional<RegionSummary> summary(Connection connection, Freshness freshness, RegionCode root,
            LocalDate today) throws SQLException {
        try (PreparedStatement regions = connection.prepareStatement("""
                SELECT r.name, r.level, r.resident_households, r.population,
                       count(s.code), count(s.code) FILTER (WHERE s.level = 'PROVINCE'),
                       count(s.code) FILTER (WHERE s.level = 'PREFECTURE'), count(s.code) FILTER (WHERE s.level = 'COUNTY'),
                       count(s.code) FILTER (WHERE s.level = 'TOWNSHIP'), count(s.code) FILTER (WHERE s.level = 'VILLAGE'),
                       count(s.code) FILTER (WHERE s.level = 'GRID'), max(s.changed_at)
                FROM region r JOIN region s ON s.code LIKE r.code || '%'
                WHERE r.code = ?
                GROUP BY r.name, r.level, r.resident_households, r.population""");
                PreparedStatement campaigns = connection.prepareStatement("""
                        SELECT count(*), count(*) FILTER (WHERE start_date <= ? AND end_date >= ?), max(changed_at)
                        FROM campaign WHERE region_code LIKE ?""")) {
            regions.setString(1, root.value());
            campaigns.setObject(1, today);
            campaigns.setObject(2, today);
            campaigns.setString(3, root.value() + "%");
            try (ResultSet region = regions.executeQuery(); ResultSet campaign = campaigns.executeQuery()) {
                if (!region.next()) {
                    return Optional.empty();
                }
                campaign.next();
                return Optional.of(new RegionSummary(
                        root.value(),
                        region.getString(1),
                        RegionLevel.valueOf(region.getString(2)),
                        region.getLong(5),
                        new RegionSummary.RegionsByLevel(region.getLong(6), region.getLong(7), region.getLong(8),
                                region.getLong(9), region.getLong(10), region.getLong(11)),
                        (Integer) region.getObject(3),
                        (Integer) region.getObject(4),
                        new RegionSummary.Campaigns(campaign.getLong(1), campaign.getLong(2)),
                        latest(region.getObject(12, OffsetDateTime.class), campaign.getObject(3, OffsetDateTime.class)),
                        freshness.lastEventAppliedAt(),
                        freshness));
            }
        }
    }

    private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        return a.isAfter(b) ? a : b;
    }
}
