package io.fanzha.reporting.readmodel;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;

@Path("/api/v1/reports")
@Tag(name = "Read models", description = "Rebuilding the read models from the topics.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class RebuildResource {

    @Inject
    Rebuilder rebuilder;

    @Inject
    Generations generations;

    @Inject
    RegionScope scope;

    @Inject
    JsonWebToken token;

    @POST
    @Path("/rebuilds")
    @Operation(operationId = "rebuildReadModels", summary = "Rebuild the read models from the beginning of the topics",
            description = "Replays fanzha.campaign.v1, fanzha.outreach.v1 and fanzha.casestats.v1 from their beginning "
                    + "into a new generation while the active one keeps answering, then switches over once caught up. "
                    + "Follow it at the Location. Admins of the national scope (CN) only.")
    @APIResponse(responseCode = "202", description = "The rebuild started", headers = @Header(name = "Location",
            description = "The new generation", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Generation.class)))
    @APIResponse(responseCode = "403", description = "Not an admin of the national scope (auth.forbidden, scope.forbidden)")
    @APIResponse(responseCode = "409", description = "A rebuild is running already (rebuild.running)")
    public Response rebuild() {
        scope.assertNational("A rebuild replaces every county's reports: only an admin of the national scope (CN) "
                + "starts one.");
        Generation started = rebuilder.start(token.getName() == null ? token.getSubject() : token.getName())
                .orElseThrow(() -> ProblemException.conflict("rebuild.running", "Generation "
                        + generations.inState(Generation.BUILDING).map(Generation::id).orElse(0)
                        + " is being built; wait for it to become active."));
        return Response.accepted(started).location(URI.create("/api/v1/reports/generations/" + started.id())).build();
    }

    @GET
    @Path("/generations")
    @Operation(operationId = "listReadModelGenerations", summary = "The read-model generations, newest first",
            description = "Which generation answers (ACTIVE), which is being built and how far its replay is.")
    @APIResponse(responseCode = "200", description = "The generations")
    public List<Generation> list() {
        return generations.all();
    }

    @GET
    @Path("/generations/{id}")
    @Operation(operationId = "getReadModelGeneration", summary = "One read-model generation")
    @APIResponse(responseCode = "200", description = "The generation")
    @APIResponse(responseCode = "404", description = "No such generation (generation.not-found)")
    public Generation get(@Parameter(description = "Generation number", example = "2") @PathParam("id") int id) {
        return generations.find(id).orElseThrow(() -> ProblemException.notFound("generation.not-found",
                "There is no read-model generation " + id + "."));
    }
}
