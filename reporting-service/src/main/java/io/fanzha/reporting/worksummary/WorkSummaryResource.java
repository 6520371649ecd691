package io.fanzha.reporting.worksummary;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.fanzha.platform.period.Period;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;
import io.fanzha.reporting.campaign.CampaignRow;
import io.fanzha.reporting.readmodel.ReadModel;
import io.fanzha.reporting.report.ReportParams;
import io.fanzha.reporting.unit.UnitRow;

@Path("/api/v1/reports/work-summary")
@Tag(name = "Work summary", description = "The totals a work summary (工作总结) quotes.")
@Produces(MediaType.APPLICATION_JSON)
public class WorkSummaryResource {

    @Inject
    ReadModel readModel;

    @Inject
    RegionScope scope;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "getWorkSummary", summary = "Outreach totals of a subtree, unit or campaign in a period",
            description = "Posters, banners, LED screens and leaflets (the materials of those records), talks (lecture "
                    + "records), people reached, households visited (distinct), app installs and receipts returned, and "
                    + "the same per outreach kind. Voided and rejected records never count. A campaign's records are "
                    + "those carrying its id, and those carrying none in its region during its days.")
    @APIResponse(responseCode = "200", description = "The totals")
    @APIResponse(responseCode = "400", description = "A bad code, id or period, or no period without a campaign "
            + "(request.invalid, region.code-invalid, period.invalid)")
    @APIResponse(responseCode = "403", description = "A subtree, unit or campaign outside your scope (scope.forbidden)")
    @APIResponse(responseCode = "404", description = "No such unit or campaign in the read model (unit.not-found, "
            + "campaign.not-found)")
    @APIResponse(responseCode = "503", description = "The read models are being built for the first time "
            + "(report.not-ready)")
    public WorkSummary summary(
            @Parameter(description = "Root of a subtree; defaults to your whole scope",
                    schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN)) @QueryParam("within") String within,
            @Parameter(description = "Only this unit's records") @QueryParam("unitId") String unitId,
            @Parameter(description = "Only this campaign's records") @QueryParam("campaignId") String campaignId,
            @Parameter(description = "The period (China time); the campaign's days when absent", example = "2024-Q1",
                    schema = @Schema(type = SchemaType.STRING, pattern = Period.PATTERN)) @QueryParam("period") String period) {
        String prefix = scope.subtreePrefix(within);
        UUID unit = unitId == null ? null : ReportParams.id("unitId", unitId);
        UUID campaignKey = campaignId == null ? null : ReportParams.id("campaignId", campaignId);
        Period in = period == null ? null : Period.parse(period);
        if (in == null && campaignKey == null) {
            throw ProblemException.invalidField("request.invalid", "period", "is needed unless a campaignId is given");
        }
        return readModel.read((connection, freshness) -> {
            CampaignRow campaign = campaignKey == null ? null : CampaignRow.readable(connection, campaignKey, scope);
            String unitName = unit == null ? null : UnitRow.readable(connection, unit, scope).name();
            LocalDate from = in != null ? in.start() : campaign.startDate();
            LocalDate to = in != null ? in.end() : campaign.endDate();
            return WorkSummaryQueries.summary(connection, freshness, prefix, unit, unitName, campaign, from, to);
        });
    }
}
