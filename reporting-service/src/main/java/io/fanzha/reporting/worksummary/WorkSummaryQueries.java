package io.fanzha.reporting.worksummary;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.fanzha.platform.region.RegionCode;
import io.fanzha.reporting.campaign.CampaignRow;
import io.fanzha.reporting.readmodel.Freshness;

/**
 * Sums the counted outreach of a subtree between two days, of one unit or one campaign if asked: a campaign's are the
 * records carrying its id, and those carrying none in its region during its days.
 */
final class WorkSummaryQueries {

    private static final String FILTER = """
            counted AND region_code LIKE ? || '%' AND occurred_on BETWEEN ? AND ?
              AND (?::uuid IS NULL OR unit_id = ?::uuid)
              AND (?::uuid IS NULL OR campaign_id = ?::uuid OR (campaign_id IS NULL AND region_code LIKE ? || '%'
                   AND occurred_on BETWEEN ? AND ?))""";

    private WorkSummaryQueries() {
    }

    static WorkSummary summary(Connection connection, Freshness freshness, String within, UUID unit, String unitName,
            CampaignRow campaign, LocalDate from, LocalDate to) throws SQLException {
        List<WorkSummary.KindTotals> byKind = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT kind, count(*), coalesce(sum(materials), 0), coalesce(sum(people_reached), 0),
                       coalesce(sum(households_reached), 0), coalesce(sum(app_installs), 0),
                       coalesce(sum(receipts_returned), 0)
                FROM outreach WHERE""" + " " + FILTER + " GROUP BY kind ORDER BY kind")) {
            bind(select, within, unit, campaign, from, to);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byKind.add(new WorkSummary.KindTotals(rows.getString(1), rows.getLong(2), rows.getLong(3),
                            rows.getLong(4), rows.getLong(5), rows.getLong(6), rows.getLong(7)));
                }
            }
        }
        long households;
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT count(*) FROM (SELECT DISTINCT village_code, household_ref FROM outreach
                WHERE household_ref IS NOT NULL AND""" + " " + FILTER + ") h")) {
            bind(select, within, unit, campaign, from, to);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                households = rows.getLong(1);
            }
        }
        WorkSummary.Totals totals = new WorkSummary.Totals(
                byKind.stream().mapToLong(WorkSummary.KindTotals::records).sum(),
                materials(byKind, "POSTER"), materials(byKind, "BANNER"), materials(byKind, "LED_SCREEN"),
                materials(byKind, "LEAFLET"),
                byKind.stream().filter(k -> k.kind().equals("LECTURE")).mapToLong(WorkSummary.KindTotals::records).sum(),
                byKind.stream().mapToLong(WorkSummary.KindTotals::peopleReached).sum(), households,
                byKind.stream().mapToLong(WorkSummary.KindTotals::appInstalls).sum(),
                byKind.stream().mapToLong(WorkSummary.KindTotals::receiptsReturned).sum());
        return new WorkSummary(within.isEmpty() ? RegionCode.NATIONAL : within, unit, unitName, campaign == null ? null : campaign.id(),
                campaign == null ? null : campaign.theme(), from, to, totals, byKind, freshness);
    }

    private static long materials(List<WorkSummary.KindTotals> byKind, String kind) {
        return byKind.stream().filter(k -> k.kind().equals(kind)).mapToLong(WorkSummary.KindTotals::materials).sum();
    }

    private static void bind(PreparedStatement select, String within, UUID unit, CampaignRow campaign, LocalDate from,
            LocalDate to) throws SQLException {
        select.setString(1, within);
        select.setObject(2, from);
        select.setObject(3, to);
        select.setObject(4, unit);
        select.setObject(5, unit);
        select.setObject(6, campaign == null ? null : campaign.id());
        select.setObject(7, campaign == null ? null : campaign.id());
        select.setString(8, campaign == null ? "" : campaign.regionCode());
        select.setObject(9, campaign == null ? from : campaign.startDate());
        select.setObject(10, campaign == null ? to : campaign.endDate());
    }
}
