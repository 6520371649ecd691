package io.fanzha.reporting.assessment;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/reports/assessment-schemes")
@Tag(name = "Assessment", description = "Published, versioned scoring schemes (考核方案) and every unit's score with the "
        + "records behind it.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SchemeResource {

    @Inject
    Schemes schemes;

    @Inject
    RegionScope scope;

    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createAssessmentScheme", summary = "Publish a new scheme",
            description = "Its version 1, for the units of its region's subtree. A published version never changes: "
                    + "publish a new version (createAssessmentSchemeVersion) to change the rules.")
    @APIResponse(responseCode = "201", description = "Published; Location names version 1",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Scheme.class)),
            headers = @Header(name = "Location", description = "/api/v1/reports/assessment-schemes/{code}/versions/1",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid fields (request.invalid), weights not adding up to 100 or "
            + "the case trend's points out of order (assessment-scheme.rules-invalid)")
    @APIResponse(responseCode = "403", description = "Not an admin (auth.forbidden); a region outside your scope "
            + "(scope.forbidden)")
    @APIResponse(responseCode = "409", description = "A scheme of that code exists (assessment-scheme.exists)")
    public Response create(@NotNull @Valid NewScheme scheme) {
        scope.assertWritable(scheme.regionCode());
        scheme.rules().check();
        return created(schemes.create(scheme, identity.getPrincipal().getName()));
    }

    @POST
    @Path("/{code}/versions")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createAssessmentSchemeVersion", summary = "Publish the next version of a scheme",
            description = "Scores are asked for under a version; those of the versions before stay what they were.")
    @APIResponse(responseCode = "201", description = "Published; Location names the new version",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Scheme.class)),
            headers = @Header(name = "Location", description = "/api/v1/reports/assessment-schemes/{code}/versions/{n}",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid fields (request.invalid, assessment-scheme.rules-invalid)")
    @APIResponse(responseCode = "403", description = "Not an admin (auth.forbidden); a scheme of a region outside your "
            + "scope (scope.forbidden)")
    @APIResponse(responseCode = "404", description = "No such scheme (assessment-scheme.not-found)")
    public Response publish(@Parameter(description = "The scheme's code", example = "341825-2024")
            @PathParam("code") String code, @NotNull @Valid NewSchemeVersion next) {
        Scheme latest = schemes.latest(code).orElseThrow(() -> notFound(code));
        scope.assertWritable(latest.regionCode());
        next.rules().check();
        return created(schemes.publish(latest, next, identity.getPrincipal().getName()));
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "listAssessmentSchemes", summary = "The schemes that assess a subtree",
            description = "The newest version of every scheme of the subtree's regions and of the regions above it "
                    + "(the county's scheme that scores a township), by code.")
    @APIResponse(responseCode = "200", description = "The schemes")
    @APIResponse(responseCode = "400", description = "Not a region code (region.code-invalid)")
    @APIResponse(responseCode = "403", description = "A subtree outside your scope (scope.forbidden)")
    public List<Scheme> list(@Parameter(description = "Root of a subtree; defaults to your whole scope",
            schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN)) @QueryParam("within") String within) {
        return schemes.latestWithinOrAbove(scope.subtreePrefix(within));
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "getAssessmentScheme", summary = "A scheme's newest version")
    @APIResponse(responseCode = "200", description = "The newest version")
    @APIResponse(responseCode = "403", description = "A scheme of a region outside your scope, neither within it nor "
            + "above it (scope.forbidden)")
    @APIResponse(responseCode = "404", description = "No such scheme (assessment-scheme.not-found)")
    public Scheme latest(@Parameter(description = "The scheme's code", example = "341825-2024")
            @PathParam("code") String code) {
        return scope.readableOrAbove(schemes.latest(code), Scheme::regionCode, () -> notFound(code));
    }

    @GET
    @Path("/{code}/versions/{version}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "getAssessmentSchemeVersion", summary = "One version of a scheme, as it was published")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "403", description = "A scheme of a region outside your scope (scope.forbidden)")
    @APIResponse(responseCode = "404", description = "No such scheme or version (assessment-scheme.not-found)")
    public Scheme version(@Parameter(description = "The scheme's code", example = "341825-2024")
            @PathParam("code") String code,
            @Parameter(description = "The version", example = "1") @PathParam("version") int version) {
        return scope.readableOrAbove(schemes.version(code, version), Scheme::regionCode, () -> notFound(code));
    }

    static ProblemException notFound(String code) {
        return ProblemException.notFound("assessment-scheme.not-found", "No such assessment scheme or version: " + code);
    }

    private static Response created(Scheme scheme) {
        return Response.created(URI.create("/api/v1/reports/assessment-schemes/" + scheme.code() + "/versions/"
                + scheme.version())).entity(scheme).build();
    }
}
