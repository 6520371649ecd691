package io.fanzha.campaign.unit;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import io.fanzha.contracts.UnitType;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.rest.SearchQuery;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;

@Path("/api/v1/units")
@Tag(name = "Units", description = "The responsible units (成员单位) that run outreach, with their liaisons.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UnitResource {

    @Inject
    UnitService units;

    @Inject
    RegionScope scope;

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "createUnit", summary = "Create a unit", description = "Emits fanzha.unit.created.v1.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new unit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UnitResponse.class)),
            headers = @Header(name = "Location", description = "/api/v1/units/{id}", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid fields (request.invalid), unknown region (region.unknown)")
    public Response create(@NotNull @Valid UnitRequest request) {
        scope.assertWritable(request.regionCode());
        Unit unit = units.create(request);
        return Response.created(URI.create("/api/v1/units/" + unit.id)).entity(answer(unit)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "updateUnit", summary = "Replace a unit's state",
            description = "Send the version you read: a newer stored version is 409 unit.stale. Emits "
                    + "fanzha.unit.updated.v1 when something changed.")
    @APIResponse(responseCode = "200", description = "The unit as stored")
    @APIResponse(responseCode = "404", description = "No such unit (unit.not-found)")
    @APIResponse(responseCode = "409", description = "Changed since you read it (unit.stale)")
    public UnitResponse update(@PathParam("id") UUID id, @NotNull @Valid UnitRequest request) {
        Unit current = readable(id);
        scope.assertWritable(current.regionCode);
        scope.assertWritable(request.regionCode());
        return units.update(id, request).map(this::answer).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "getUnit", summary = "Get one unit",
            description = "The liaison's phone only for admins, coordinators and inspectors.")
    @APIResponse(responseCode = "200", description = "The unit")
    @APIResponse(responseCode = "404", description = "No such unit (unit.not-found)")
    public UnitResponse get(@PathParam("id") UUID id) {
        return answer(scope.readableOrAbove(units.find(id), unit -> unit.regionCode, () -> notFound(id)));
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "listUnits", summary = "List the units of a subtree",
            description = "By region, then name. The liaison's phone only for admins, coordinators and inspectors.")
    @APIResponse(responseCode = "200", description = "One page of units")
    public Page<UnitResponse> list(
            @Parameter(description = "Root of the subtree; defaults to your whole scope", example = "341825",
                    schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN))
            @QueryParam("within") String within,
            @Parameter(description = "Only units of this type") @QueryParam("type") UnitType type,
            @Parameter(description = "Only active (true) or inactive (false) units")
            // A String, because JAX-RS would read any word but "true" as false.
            @QueryParam("active") @Pattern(regexp = "^(true|false)$", message = "must be true or false") String active,
            @Parameter(description = "true: also the units of the regions above your scope, which work in it (a "
                    + "village's township station and county bureaus)")
            @QueryParam("reaching") @Pattern(regexp = "^(true|false)$", message = "must be true or false") String reaching,
            @Valid @BeanParam SearchQuery list) {
        return units.within(scope.subtreePrefix(within), "true".equals(reaching) ? scope.above() : List.of(), type,
                active == null ? null : Boolean.valueOf(active), list).map(this::answer);
    }

    /** The unit, if the caller may read its region; a unit outside the scope is a 403 like any region. */
    private Unit readable(UUID id) {
        return scope.readable(units.find(id), unit -> unit.regionCode, () -> notFound(id));
    }

    private UnitResponse answer(Unit unit) {
        return UnitResponse.of(unit, scope.readsContacts());
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("unit.not-found", "Unit " + id + " does not exist.");
    }
}
