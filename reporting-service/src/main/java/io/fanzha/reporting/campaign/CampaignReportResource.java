package io.fanzha.reporting.campaign;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;
import io.fanzha.reporting.goal.GoalQueries;
import io.fanzha.reporting.readmodel.Freshness;
import io.fanzha.reporting.readmodel.ReadModel;
import io.fanzha.reporting.report.ReportParams;
import io.fanzha.reporting.task.TaskProgressQueries;

@Path("/api/v1/reports/campaigns/{id}")
@Tag(name = "Campaign progress", description = "Goal attainment and task progress of a campaign.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR, Roles.VIEWER })
public class CampaignReportResource {

    @Inject
    ReadModel readModel;

    @Inject
    RegionScope scope;

    @GET
    @Path("/attainment")
    @Operation(operationId = "getGoalAttainment", summary = "Attainment of every goal of a campaign",
            description = "Per goal: the current value, last year's for the same completed ISO weeks (cases, losses), "
                    + "the change, the target and a status (ACHIEVED, ON_TRACK, AT_RISK, MISSED, NOT_STARTED, UNKNOWN) "
                    + "with the reason; docs/reports.md gives the rules.")
    @APIResponse(responseCode = "200", description = "The goals' attainment")
    @APIResponse(responseCode = "400", description = "A bad id or day (request.invalid)")
    @APIResponse(responseCode = "403", description = "The campaign's region is outside your scope (scope.forbidden)")
    @APIResponse(responseCode = "404", description = "No such campaign in the read model (campaign.not-found)")
    @APIResponse(responseCode = "503", description = "The read models are being built for the first time "
            + "(report.not-ready)")
    public CampaignAttainment attainment(@Parameter(description = "Campaign id") @PathParam("id") String id,
            @Parameter(description = "The day to compute for (China time); today when absent", example = "2024-02-26",
                    schema = @Schema(type = SchemaType.STRING, pattern = ReportParams.DATE_PATTERN))
            @QueryParam("asOf") String asOf) {
        return report(id, asOf, (connection, campaign, day, freshness) -> new CampaignAttainment(campaign.id(),
                campaign.theme(), campaign.regionCode(), day, GoalQueries.ofCampaign(connection, campaign.id(), day),
                freshness));
    }

    @GET
    @Path("/tasks")
    @Operation(operationId = "getTaskProgress", summary = "Progress of every task of a campaign",
            description = "Per task and responsible unit: the quota against what was logged, and whether it is "
                    + "behind or overdue; docs/reports.md gives the rules.")
    @APIResponse(responseCode = "200", description = "The tasks' progress")
    @APIResponse(responseCode = "400", description = "A bad id or day (request.invalid)")
    @APIResponse(responseCode = "403", description = "The campaign's region is outside your scope (scope.forbidden)")
    @APIResponse(responseCode = "404", description = "No such campaign in the read model (campaign.not-found)")
    @APIResponse(responseCode = "503", description = "The read models are being built for the first time "
            + "(report.not-ready)")
    public CampaignTasks tasks(@Parameter(description = "Campaign id") @PathParam("id") String id,
            @Parameter(description = "The day to compute for (China time); today when absent", example = "2024-01-20",
                    schema = @Schema(type = SchemaType.STRING, pattern = ReportParams.DATE_PATTERN))
            @QueryParam("asOf") String asOf) {
        return report(id, asOf, (connection, campaign, day, freshness) -> new CampaignTasks(campaign.id(),
                campaign.theme(), day, TaskProgressQueries.of(connection, campaign, day), freshness));
    }

    /** A report of a campaign readable by the caller, as of a day, from the active generation. */
    @FunctionalInterface
    private interface CampaignReport<T> {
        T read(Connection connection, CampaignRow campaign, LocalDate day, Freshness freshness) throws SQLException;
    }

    private <T> T report(String id, String asOf, CampaignReport<T> report) {
        UUID campaignId = ReportParams.id("id", id);
        LocalDate day = ReportParams.dayOrToday("asOf", asOf);
        return readModel.read((connection, freshness) -> report.read(connection,
                CampaignRow.readable(connection, campaignId, scope), day, freshness));
    }
}
