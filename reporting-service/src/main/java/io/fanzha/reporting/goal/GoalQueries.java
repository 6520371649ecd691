package io.fanzha.reporting.goal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The attainment of goals, as of a day. */
public final class GoalQueries {

    private GoalQueries() {
    }

    /** Every goal of the campaign, in the order they were set. */
    public static List<GoalAttainment> ofCampaign(Connection connection, UUID campaign, LocalDate asOf)
            throws SQLException {
        return evaluate(connection, GoalRow.ofCampaign(connection, campaign), asOf);
    }

    /** The coverage goals set for exactly this region, soonest deadline first. */
    public static List<GoalAttainment> coverageOf(Connection connection, String region, LocalDate asOf)
            throws SQLException {
        return evaluate(connection, GoalRow.coverageOf(connection, region), asOf);
    }

    private static List<GoalAttainment> evaluate(Connection connection, List<GoalRow> goals, LocalDate asOf)
            throws SQLException {
        GoalEvaluator evaluator = new GoalEvaluator(connection, asOf);
        List<GoalAttainment> attainment = new ArrayList<>(goals.size());
        for (GoalRow goal : goals) {
            attainment.add(evaluator.evaluate(goal));
        }
        return attainment;
    }
}
