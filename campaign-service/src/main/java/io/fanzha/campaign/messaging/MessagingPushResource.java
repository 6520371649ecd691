package io.fanzha.campaign.messaging;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import io.fanzha.platform.period.Period;
import io.fanzha.platform.rest.ListQuery;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/messaging-groups/{groupId}/pushes")
@Tag(name = "Messaging groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MessagingPushResource {

    @Inject
    MessagingGroupService groups;

    @Inject
    MessagingPushService pushes;

    @Inject
    RegionScope scope;

    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER })
    @Operation(operationId = "createPush", summary = "Log a push to a group",
            description = "Field workers log the pushes of the groups in their region. Emits "
                    + "fanzha.messaging-push.logged.v1. Sending a push again with the same id and content answers 200 "
                    + "with the push as stored, and logs nothing.")
    @APIResponse(responseCode = "201", description = "Logged; Location names the push",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PushResponse.class)),
            headers = @Header(name = "Location", description = "/api/v1/messaging-groups/{groupId}/pushes/{id}",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "Logged before with this id and content",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PushResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields (request.invalid), a day after today "
            + "(messaging-push.in-future) or before the group was set up (messaging-push.before-group), an unknown "
            + "campaign (messaging-push.campaign-unknown) or one whose region does not hold the group's "
            + "(messaging-push.campaign-outside)")
    @APIResponse(responseCode = "404", description = "No such group (messaging-group.not-found)")
    @APIResponse(responseCode = "409", description = "The id was logged before with other content (messaging-push.conflict)")
    public Response log(@PathParam("groupId") UUID groupId, @NotNull @Valid PushRequest request) {
        MessagingGroup group = groups.writable(groupId, scope);
        MessagingPushService.Logged logged = pushes.log(group, request, identity.getPrincipal().getName());
        PushResponse answer = PushResponse.of(logged.push());
        return logged.created()
                ? Response.created(URI.create("/api/v1/messaging-groups/" + groupId + "/pushes/" + answer.id()))
                        .entity(answer).build()
                : Response.ok(answer).build();
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "listPushes", summary = "List a group's pushes", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "One page of pushes")
    @APIResponse(responseCode = "404", description = "No such group (messaging-group.not-found)")
    public Page<PushResponse> list(@PathParam("groupId") UUID groupId,
            @Parameter(description = "Only the pushes of this period", example = "2024-01",
                    schema = @Schema(type = SchemaType.STRING, pattern = Period.PATTERN))
            @QueryParam("in") String in,
            @Valid @BeanParam ListQuery list) {
        MessagingGroup group = groups.readable(groupId, scope);
        return pushes.of(group, in == null ? null : Period.parse(in), list).map(PushResponse::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "getPush", summary = "Get one push of a group")
    @APIResponse(responseCode = "200", description = "The push")
    @APIResponse(responseCode = "404", description = "No such group or push (messaging-group.not-found, "
            + "messaging-push.not-found)")
    public PushResponse get(@PathParam("groupId") UUID groupId, @PathParam("id") UUID id) {
        return pushes.find(groups.readable(groupId, scope), id).map(PushResponse::of)
                .orElseThrow(() -> MessagingPushService.notFound(id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER })
    @Operation(operationId = "deletePush", summary = "Take back a push logged by mistake",
            description = "Admins and coordinators remove any push; a field worker only those they logged. Emits "
                    + "fanzha.messaging-push.deleted.v1.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "403", description = "Logged by someone else (messaging-push.not-yours), or out of scope")
    @APIResponse(responseCode = "404", description = "No such group or push (messaging-group.not-found, "
            + "messaging-push.not-found)")
    public void delete(@PathParam("groupId") UUID groupId, @PathParam("id") UUID id) {
        pushes.delete(groups.writable(groupId, scope), id, identity.getPrincipal().getName(),
                scope.manages());
    }
}
