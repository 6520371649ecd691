package io.fanzha.campaign.messaging;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import io.fanzha.contracts.MessagingPlatform;
import io.fanzha.platform.period.Period;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.rest.SearchQuery;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;

@Path("/api/v1/messaging-groups")
@Tag(name = "Messaging groups", description = "Anti-fraud groups (反诈群) on WeChat, QQ or DingTalk, with the person "
        + "responsible for each, and which of them went silent.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MessagingGroupResource {

    @Inject
    MessagingGroupService groups;

    @Inject
    RegionScope scope;

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "createMessagingGroup", summary = "Register a messaging group",
            description = "Emits fanzha.messaging-group.created.v1 (without the owner's phone).")
    @APIResponse(responseCode = "201", description = "Created; Location names the new group",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = MessagingGroupResponse.class)),
            headers = @Header(name = "Location", description = "/api/v1/messaging-groups/{id}",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid fields (request.invalid), neither region nor unit "
            + "(messaging-group.place-missing), an unknown unit (messaging-group.unit-unknown) or region "
            + "(region.unknown), a region outside the unit's (messaging-group.region-outside-unit), a createdOn after "
            + "today (messaging-group.created-in-future)")
    public Response create(@NotNull @Valid MessagingGroupRequest request) {
        MessagingGroup group = groups.create(request, scope);
        return Response.created(URI.create("/api/v1/messaging-groups/" + group.id)).entity(answer(group)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "updateMessagingGroup", summary = "Replace a messaging group's state",
            description = "Send the version you read (409 messaging-group.stale). To retire a group, set active to "
                    + "false. Emits fanzha.messaging-group.updated.v1 when something changed.")
    @APIResponse(responseCode = "200", description = "The group as stored")
    @APIResponse(responseCode = "400", description = "As for a new group, or a createdOn after its first push "
            + "(messaging-group.created-after-push)")
    @APIResponse(responseCode = "404", description = "No such group (messaging-group.not-found)")
    @APIResponse(responseCode = "409", description = "Changed since you read it (messaging-group.stale)")
    public MessagingGroupResponse update(@PathParam("id") UUID id, @NotNull @Valid MessagingGroupRequest request) {
        return answer(groups.update(id, request, scope));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "deleteMessagingGroup", summary = "Delete a group registered by mistake",
            description = "Only a group that never logged a push; emits fanzha.messaging-group.deleted.v1.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such group (messaging-group.not-found)")
    @APIResponse(responseCode = "409", description = "It has logged pushes: set it inactive instead "
            + "(messaging-group.has-pushes)")
    public void delete(@PathParam("id") UUID id) {
        groups.delete(id, scope);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "getMessagingGroup", summary = "Get one messaging group",
            description = "The owner's phone only for admins, coordinators and inspectors.")
    @APIResponse(responseCode = "200", description = "The group")
    @APIResponse(responseCode = "404", description = "No such group (messaging-group.not-found)")
    public MessagingGroupResponse get(@PathParam("id") UUID id) {
        return answer(groups.readable(id, scope));
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "listMessagingGroups", summary = "List the messaging groups of a subtree",
            description = "By region, then name. With withoutPushIn: the active groups, set up by the end of that "
                    + "period, that logged no push in it (the seed plan asks for a push every week). The owner's "
                    + "phone only for admins, coordinators and inspectors.")
    @APIResponse(responseCode = "200", description = "One page of groups")
    public Page<MessagingGroupResponse> list(
            @Parameter(description = "Root of the subtree; defaults to your whole scope", example = "341825100",
                    schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN))
            @QueryParam("within") String within,
            @Parameter(description = "Only groups on this platform") @QueryParam("platform") MessagingPlatform platform,
            @Parameter(description = "Only the groups of this unit") @QueryParam("unitId") UUID unitId,
            @Parameter(description = "Only active (true) or inactive (false) groups")
            @QueryParam("active") @Pattern(regexp = "^(true|false)$", message = "must be true or false") String active,
            @Parameter(description = "Only the groups silent in this period: an ISO week (2024-W05), or any other "
                    + "period form", example = "2024-W05", schema = @Schema(type = SchemaType.STRING, pattern = Period.PATTERN))
            @QueryParam("withoutPushIn") String withoutPushIn,
            @Valid @BeanParam SearchQuery list) {
        Period silentIn = withoutPushIn == null ? null : Period.parse(withoutPushIn);
        return groups.within(scope.subtreePrefix(within), platform, unitId, active == null ? null : Boolean.valueOf(active),
                silentIn, list).map(this::answer);
    }

    private MessagingGroupResponse answer(MessagingGroup group) {
        return MessagingGroupResponse.of(group, scope.readsContacts());
    }
}
