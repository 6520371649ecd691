package io.fanzha.campaign.alliance;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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

import io.fanzha.campaign.unit.Unit;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.rest.SearchQuery;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;

@Path("/api/v1/alliances")
@Tag(name = "Alliances", description = "Anti-fraud alliances (反诈联盟) of member units.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AllianceResource {

    @Inject
    AllianceService alliances;

    @Inject
    RegionScope scope;

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "createAlliance", summary = "Create an alliance", description = "Emits fanzha.alliance.created.v1.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new alliance",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AllianceResponse.class)),
            headers = @Header(name = "Location", description = "/api/v1/alliances/{id}", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid fields (request.invalid), unknown region (region.unknown) "
            + "or member (alliance.member-unknown)")
    public Response create(@NotNull @Valid AllianceRequest request) {
        scope.assertWritable(request.regionCode());
        Alliance alliance = alliances.create(request, scope);
        return Response.created(URI.create("/api/v1/alliances/" + alliance.id)).entity(answer(alliance)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "updateAlliance", summary = "Replace an alliance's name, region and members",
            description = "Send the version you read: a newer stored version is 409 alliance.stale. Emits "
                    + "fanzha.alliance.updated.v1 when something changed.")
    @APIResponse(responseCode = "200", description = "The alliance as stored")
    @APIResponse(responseCode = "404", description = "No such alliance (alliance.not-found)")
    @APIResponse(responseCode = "409", description = "Changed since you read it (alliance.stale)")
    public AllianceResponse update(@PathParam("id") UUID id, @NotNull @Valid AllianceRequest request) {
        scope.assertWritable(readable(id).regionCode);
        scope.assertWritable(request.regionCode());
        return alliances.update(id, request, scope).map(this::answer).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "getAlliance", summary = "Get one alliance with its members")
    @APIResponse(responseCode = "200", description = "The alliance")
    @APIResponse(responseCode = "404", description = "No such alliance (alliance.not-found)")
    public AllianceResponse get(@PathParam("id") UUID id) {
        return answer(readable(id));
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "listAlliances", summary = "List the alliances of a subtree", description = "By region, then name.")
    @APIResponse(responseCode = "200", description = "One page of alliances")
    public Page<AllianceResponse> list(
            @Parameter(description = "Root of the subtree; defaults to your whole scope", example = "341825",
                    schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN))
            @QueryParam("within") String within,
            @Valid @BeanParam SearchQuery list) {
        Page<Alliance> found = alliances.within(scope.subtreePrefix(within), list);
        Map<UUID, Unit> units = alliances.members(found.items());
        return found.map(alliance -> AllianceResponse.of(alliance, units));
    }

    private Alliance readable(UUID id) {
        return scope.readable(alliances.find(id), alliance -> alliance.regionCode, () -> notFound(id));
    }

    private AllianceResponse answer(Alliance alliance) {
        return AllianceResponse.of(alliance, alliances.members(List.of(alliance)));
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("alliance.not-found", "Alliance " + id + " does not exist.");
    }
}
