package io.fanzha.reporting.goal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.fanzha.reporting.readmodel.Sql;

/** A goal as the read model holds it, with its campaign's days. */
record GoalRow(UUID id, UUID campaignId, String metric, List<String> categories, String regionCode, String period,
        LocalDate deadline, Integer targetChangePercent, Integer targetPercent, Integer targetCount,
        List<String> outreachKinds, LocalDate campaignStart, LocalDate campaignEnd) {

    private static final String SELECT = """
            SELECT g.id, g.campaign_id, g.metric, g.categories, g.region_code, g.period, g.deadline,
                   g.target_change_percent, g.target_percent, g.target_count, g.outreach_kinds, c.start_date, c.end_date
            FROM goal g JOIN campaign c ON c.id = g.campaign_id
            WHERE NOT g.deleted AND""";

    /** The campaign's goals, in the order they were set. */
    static List<GoalRow> ofCampaign(Connection connection, UUID campaign) throws SQLException {
        return list(connection, SELECT + " g.campaign_id = ? ORDER BY g.set_order", campaign);
    }

    /** The coverage goals set for exactly this region, soonest deadline first. */
    static List<GoalRow> coverageOf(Connection connection, String region) throws SQLException {
        return list(connection, SELECT + " g.metric = 'COVERAGE' AND g.region_code = ? ORDER BY g.deadline, g.id", region);
    }

    private static List<GoalRow> list(Connection connection, String sql, Object parameter) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, parameter);
            List<GoalRow> goals = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    goals.add(new GoalRow(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class), rows.getString(3),
                            Sql.texts(rows.getArray(4)), rows.getString(5), rows.getString(6),
                            rows.getObject(7, LocalDate.class), (Integer) rows.getObject(8), (Integer) rows.getObject(9),
                            (Integer) rows.getObject(10), Sql.texts(rows.getArray(11)), rows.getObject(12, LocalDate.class),
                            rows.getObject(13, LocalDate.class)));
                }
            }
            return goals;
        }
    }
}
