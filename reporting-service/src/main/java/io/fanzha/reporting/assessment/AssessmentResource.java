package io.fanzha.reporting.assessment;

import java.util.Optional;
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

import io.fanzha.platform.period.Period;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;
import io.fanzha.reporting.readmodel.ReadModel;
import io.fanzha.reporting.report.ReportParams;
import io.fanzha.reporting.unit.UnitRow;

@Path("/api/v1/reports/assessment-schemes/{code}/scores")
@Tag(name = "Assessment")
@Produces(MediaType.APPLICATION_JSON)
public class AssessmentResource {

    @Inject
    Schemes schemes;

    @Inject
    ReadModel readModel;

    @Inject
    RegionScope scope;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "listAssessmentScores", summary = "Every unit's score under a scheme, best first",
            description = "The active units of the subtree, each with its score out of 100 and every part's points, "
                    + "the figures it was judged by and the link to its records. Computed from the read models as they "
                    + "are, by the rules of the version asked for (the newest when absent), which never change.")
    @APIResponse(responseCode = "200", description = "The scores")
    @APIResponse(responseCode = "400", description = "A bad period, day, version or code, or a subtree outside the "
            + "scheme's region (period.invalid, request.invalid, region.code-invalid)")
    @APIResponse(responseCode = "403", description = "A subtree outside your scope (scope.forbidden)")
    @APIResponse(responseCode = "404", description = "No such scheme or version (assessment-scheme.not-found)")
    @APIResponse(responseCode = "503", description = "The read models are being built for the first time "
            + "(report.not-ready)")
    public Assessment scores(
            @Parameter(description = "The scheme's code", example = "341825-2024") @PathParam("code") String code,
            @Parameter(description = "The period assessed (any form)", required = true, example = "2024-Q1",
                    schema = @Schema(type = SchemaType.STRING, pattern = Period.PATTERN)) @QueryParam("period") String period,
            @Parameter(description = "The scheme's version; the newest when absent", example = "1",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("version") String version,
            @Parameter(description = "Root of the subtree whose units are scored: the scheme's region, or your scope "
                    + "within it, when absent", schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN))
            @QueryParam("within") String within,
            @Parameter(description = "The day judged; today when absent", example = "2024-04-10",
                    schema = @Schema(type = SchemaType.STRING, pattern = ReportParams.DATE_PATTERN))
            @QueryParam("asOf") String asOf) {
        Scheme scheme = scheme(code, version);
        Window window = window(period, asOf);
        String root = within != null ? within
                : scope.covers(RegionCode.parse(scheme.regionCode())) ? scheme.regionCode() : scope.home();
        RegionCode subtree = scope.assertReadable(root);
        if (!subtree.isWithin(scheme.regionCode())) {
            throw ProblemException.invalidField("request.invalid", "within",
                    "must be the scheme's region " + scheme.regionCode() + " or below it");
        }
        return readModel.read((connection, freshness) -> Assessor.rank(connection, freshness, scheme, subtree.value(),
                window));
    }

    @GET
    @Path("/{unitId}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "getAssessmentScore", summary = "One unit's score with the records behind it",
            description = "As in the list, and for every part the records that cost it points (tasks short of their "
                    + "share, villages short of the coverage target, weekly reports late or missing, the region's case "
                    + "figures, outreach records found at fault), each with the points it cost and where to open it.")
    @APIResponse(responseCode = "200", description = "The unit's score")
    @APIResponse(responseCode = "400", description = "A bad period, day, version or id, or a unit outside the scheme's "
            + "region (period.invalid, request.invalid)")
    @APIResponse(responseCode = "403", description = "A unit outside your scope (scope.forbidden)")
    @APIResponse(responseCode = "404", description = "No such scheme, version or unit (assessment-scheme.not-found, "
            + "unit.not-found)")
    @APIResponse(responseCode = "503", description = "The read models are being built for the first time "
            + "(report.not-ready)")
    public Assessment.OfUnit score(
            @Parameter(description = "The scheme's code", example = "341825-2024") @PathParam("code") String code,
            @Parameter(description = "The unit") @PathParam("unitId") String unitId,
            @Parameter(description = "The period assessed (any form)", required = true, example = "2024-Q1",
                    schema = @Schema(type = SchemaType.STRING, pattern = Period.PATTERN)) @QueryParam("period") String period,
            @Parameter(description = "The scheme's version; the newest when absent", example = "1",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) @QueryParam("version") String version,
            @Parameter(description = "The day judged; today when absent", example = "2024-04-10",
                    schema = @Schema(type = SchemaType.STRING, pattern = ReportParams.DATE_PATTERN))
            @QueryParam("asOf") String asOf) {
        UUID id = ReportParams.id("unitId", unitId);
        Scheme scheme = scheme(code, version);
        Window window = window(period, asOf);
        return readModel.read((connection, freshness) -> {
            UnitRow unit = UnitRow.readable(connection, id, scope);
            if (!RegionCode.parse(unit.regionCode()).isWithin(scheme.regionCode())) {
                throw ProblemException.invalidField("request.invalid", "unitId",
                        "is a unit outside the scheme's region " + scheme.regionCode());
            }
            return Assessor.one(connection, freshness, scheme, unit, window);
        });
    }

    private Scheme scheme(String code, String version) {
        Scheme scheme = (version == null ? schemes.latest(code)
                : schemes.version(code, ReportParams.number("version", version, 1, 1, Integer.MAX_VALUE)))
                .orElseThrow(() -> SchemeResource.notFound(code));
        return scope.readableOrAbove(Optional.of(scheme), Scheme::regionCode, () -> SchemeResource.notFound(code));
    }

    private static Window window(String period, String asOf) {
        return new Window(ReportParams.period("period", period), ReportParams.dayOrToday("asOf", asOf));
    }
}
