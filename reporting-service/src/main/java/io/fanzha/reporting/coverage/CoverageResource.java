package io.fanzha.reporting.coverage;

import java.time.LocalDate;

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

import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;
import io.fanzha.reporting.readmodel.ReadModel;
import io.fanzha.reporting.region.RegionRow;
import io.fanzha.reporting.report.ReportParams;

@Path("/api/v1/reports/coverage")
@Tag(name = "Coverage", description = "Household coverage (入户宣传率) per region, with drill-down.")
@Produces(MediaType.APPLICATION_JSON)
public class CoverageResource {

    @Inject
    ReadModel readModel;

    @Inject
    RegionScope scope;

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "getCoverage", summary = "Household coverage of a region and the regions below it",
            description = "Distinct households reached by counted door-to-door visits (voided and rejected ones never "
                    + "count) against the resident households, as of a day, for the region and each child region; "
                    + "the pace of the last 28 days and the day it reaches every household; the coverage goals set "
                    + "for the region.")
    @APIResponse(responseCode = "200", description = "The coverage")
    @APIResponse(responseCode = "400", description = "Not a region code (region.code-invalid), a bad day "
            + "(request.invalid)")
    @APIResponse(responseCode = "403", description = "Region outside your scope (scope.forbidden)")
    @APIResponse(responseCode = "404", description = "No such region in the read model (region.not-found)")
    @APIResponse(responseCode = "503", description = "The read models are being built for the first time "
            + "(report.not-ready)")
    public CoverageReport coverage(
            @Parameter(description = "Region code", example = "341825",
                    schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN)) @PathParam("code") String code,
            @Parameter(description = "Last day counted (China time); today when absent", example = "2024-03-01",
                    schema = @Schema(type = SchemaType.STRING, pattern = ReportParams.DATE_PATTERN))
            @QueryParam("asOf") String asOf,
            @Parameter(description = "First day counted; from the first record when absent", example = "2024-01-10",
                    schema = @Schema(type = SchemaType.STRING, pattern = ReportParams.DATE_PATTERN))
            @QueryParam("from") String from) {
        RegionCode region = scope.assertReadable(code);
        LocalDate last = ReportParams.dayOrToday("asOf", asOf);
        LocalDate first = ReportParams.day("from", from);
        if (first != null && first.isAfter(last)) {
            throw ProblemException.invalidField("request.invalid", "from", "must not be after asOf");
        }
        return readModel.read((connection, freshness) -> CoverageQueries.coverage(connection, freshness, region.value(),
                first, last)).orElseThrow(() -> RegionRow.notFound(code));
    }
}
