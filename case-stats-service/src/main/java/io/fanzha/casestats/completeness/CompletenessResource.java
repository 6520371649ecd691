package io.fanzha.casestats.completeness;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
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
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;

@Path("/api/v1/case-reports/completeness")
@Tag(name = "Case reports")
@Produces(MediaType.APPLICATION_JSON)
public class CompletenessResource {

    @Inject
    ExpectationService expectations;

    @Inject
    RegionScope scope;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.AGENCY_REPORTER, Roles.INSPECTOR, Roles.VIEWER })
    @Operation(operationId = "getCompleteness", summary = "Who reported a period, who did not, who was late",
            description = "For the expectations of the period's form that meet the subtree: expected regions, those "
                    + "their reporter pushed figures for, those on time (first pushed by the end of the deadline day, "
                    + "China time), and the missing and late ones with their reporter and deadline.")
    @APIResponse(responseCode = "200", description = "The period's completeness in the subtree")
    public CompletenessResponse get(
            @Parameter(description = "Root of the subtree; defaults to your whole scope",
                    schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN))
            @QueryParam("within") String within,
            @Parameter(description = "The period, e.g. 2024-W05", required = true,
                    schema = @Schema(type = SchemaType.STRING, pattern = Period.PATTERN))
            @QueryParam("period") @NotNull String period) {
        String prefix = scope.subtreePrefix(within);
        return expectations.completeness(prefix, within == null ? scope.home() : within, Period.parse(period));
    }
}
