package io.fanzha.reporting.summary;

import java.time.LocalDate;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;
import io.fanzha.reporting.region.RegionRow;

@Path("/api/v1/reports/regions")
@Tag(name = "Summaries", description = "What the reporting read model knows of a region.")
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {

    @Inject
    SummaryQueries queries;

    @Inject
    RegionScope scope;

    @GET
    @Path("/{code}/summary")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "getRegionSummary", summary = "Summary of a region's subtree",
            description = "Built from fanzha.campaign.v1 events; a region appears here shortly after it is created.")
    @APIResponse(responseCode = "200", description = "The summary")
    @APIResponse(responseCode = "400", description = "Not a region code (region.code-invalid)")
    @APIResponse(responseCode = "403", description = "Region outside your scope (scope.forbidden)")
    @APIResponse(responseCode = "404", description = "No such region in the read model yet (region.not-found)")
    public RegionSummary summary(
            @Parameter(description = "Region code", example = "341825",
                    schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN)) @PathParam("code") String code) {
        RegionCode region = scope.assertReadable(code);
        return queries.summary(region, LocalDate.now()).orElseThrow(() -> RegionRow.notFound(code));
    }
}
