package io.fanzha.reporting.campaign;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.scope.RegionScope;

/** A campaign as reports need it, read from the active generation. */
public record CampaignRow(UUID id, String theme, String regionCode, LocalDate startDate, LocalDate endDate) {

    /** The campaign, if the caller may read its region: 404 when unknown, 403 outside the caller's scope. */
    public static CampaignRow readable(Connection connection, UUID id, RegionScope scope) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT theme, region_code, start_date, end_date FROM campaign WHERE id = ?")) {
            select.setObject(1, id);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw ProblemException.notFound("campaign.not-found", "Campaign " + id + " is not known to reporting (yet).");
                }
                CampaignRow campaign = new CampaignRow(id, row.getString(1), row.getString(2),
                        row.getObject(3, LocalDate.class), row.getObject(4, LocalDate.class));
                scope.assertReadable(campaign.regionCode());
                return campaign;
            }
        }
    }
}
