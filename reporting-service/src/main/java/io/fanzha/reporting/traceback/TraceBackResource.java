package io.fanzha.reporting.traceback;

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

import io.fanzha.platform.period.Period;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;
import io.fanzha.reporting.readmodel.ReadModel;
import io.fanzha.reporting.region.RegionRow;
import io.fanzha.reporting.report.ReportParams;

@Path("/api/v1/reports/trace-back")
@Tag(name = "Trace-back", description = "Whether outreach reached each new fraud case's household or village before it "
        + "(倒查).")
@Produces(MediaType.APPLICATION_JSON)
public class TraceBackResource {

    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 1830;

    @Inject
    ReadModel readModel;

    @Inject
    RegionScope scope;

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.INSPECTOR })
    @Operation(operationId = "getTraceBack", summary = "Trace-back of the case records of a region and period",
            description = "For each case record of the subtree that occurred in the period (deleted ones left out): the "
                    + "counted door-to-door visits to its household (when it names one) in the days before it, the counted "
                    + "outreach in its village (or in its region when recorded above a village) in those days, and the "
                    + "target groups that outreach reached beside the victim's; then the villages whose cases found no "
                    + "outreach at all. Voided and rejected records never count.")
    @APIResponse(responseCode = "200", description = "The trace-back")
    @APIResponse(responseCode = "400", description = "A bad code, period or day count (region.code-invalid, "
            + "period.invalid, request.invalid)")
    @APIResponse(responseCode = "403", description = "Not an admin, coordinator or inspector (auth.forbidden); a region "
            + "outside your scope (scope.forbidden)")
    @APIResponse(responseCode = "404", description = "No such region in the read model (region.not-found)")
    @APIResponse(responseCode = "503", description = "The read models are being built for the first time "
            + "(report.not-ready)")
    public TraceBack traceBack(
            @Parameter(description = "Region code", example = "341825100",
                    schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN)) @PathParam("code") String code,
            @Parameter(description = "The cases' period (any form)", required = true, example = "2024-Q1",
                    schema = @Schema(type = SchemaType.STRING, pattern = Period.PATTERN)) @QueryParam("period") String period,
            @Parameter(description = "Days before each case searched, 1 to 1830 (five years); 90 when absent", example = "90",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "1830"))
            @QueryParam("withinDays") String withinDays) {
        RegionCode region = scope.assertReadable(code);
        Period in = ReportParams.period("period", period);
        int days = ReportParams.number("withinDays", withinDays, DEFAULT_DAYS, 1, MAX_DAYS);
        return readModel.read((connection, freshness) -> TraceBackQueries.traceBack(connection, freshness,
                region.value(), in, days)).orElseThrow(() -> RegionRow.notFound(code));
    }
}
