package io.fanzha.campaign.task;

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
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.fanzha.campaign.campaign.Campaign;
import io.fanzha.campaign.campaign.CampaignService;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.rest.SearchQuery;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;

@Path("/api/v1/campaigns/{campaignId}/tasks")
@Tag(name = "Tasks", description = "The tasks of a campaign: what its units are to do, by when, and how much.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TaskResource {

    @Inject
    TaskService tasks;

    @Inject
    CampaignService campaigns;

    @Inject
    RegionScope scope;

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "createTask", summary = "Plan a task of a campaign", description = "Emits fanzha.task.created.v1.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new task",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TaskResponse.class)),
            headers = @Header(name = "Location", description = "/api/v1/campaigns/{campaignId}/tasks/{id}",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid fields (request.invalid), a quota that is neither a count of "
            + "kinds nor a percent (task.quota-invalid), an unknown unit (task.unit-unknown), a region outside the "
            + "campaign's (task.region-outside)")
    @APIResponse(responseCode = "404", description = "No such campaign (campaign.not-found)")
    @APIResponse(responseCode = "409", description = "The campaign is closed (campaign.closed)")
    public Response create(@PathParam("campaignId") UUID campaignId, @NotNull @Valid TaskRequest request) {
        Campaign campaign = writable(campaignId);
        Task task = tasks.create(campaign, request);
        return Response.created(URI.create("/api/v1/campaigns/" + campaignId + "/tasks/" + task.id))
                .entity(TaskResponse.of(task)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "updateTask", summary = "Replace a task",
            description = "Send the version you read (409 task.stale). Emits fanzha.task.updated.v1 when it changed.")
    @APIResponse(responseCode = "200", description = "The task as stored")
    @APIResponse(responseCode = "404", description = "No such campaign or task (campaign.not-found, task.not-found)")
    @APIResponse(responseCode = "409", description = "Changed since you read it (task.stale), or the campaign is closed "
            + "(campaign.closed)")
    public TaskResponse update(@PathParam("campaignId") UUID campaignId, @PathParam("id") UUID id,
            @NotNull @Valid TaskRequest request) {
        Campaign campaign = writable(campaignId);
        return tasks.update(campaign, id, request).map(TaskResponse::of).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "deleteTask", summary = "Delete a task", description = "Emits fanzha.task.deleted.v1.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such campaign or task (campaign.not-found, task.not-found)")
    @APIResponse(responseCode = "409", description = "The campaign is closed (campaign.closed)")
    public void delete(@PathParam("campaignId") UUID campaignId, @PathParam("id") UUID id) {
        if (!tasks.delete(writable(campaignId), id)) {
            throw notFound(id);
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "getTask", summary = "Get one task of a campaign")
    @APIResponse(responseCode = "200", description = "The task")
    @APIResponse(responseCode = "404", description = "No such campaign or task (campaign.not-found, task.not-found)")
    public TaskResponse get(@PathParam("campaignId") UUID campaignId, @PathParam("id") UUID id) {
        return tasks.find(readable(campaignId), id).map(TaskResponse::of).orElseThrow(() -> notFound(id));
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "listTasks", summary = "List the tasks of a campaign", description = "Soonest deadline first.")
    @APIResponse(responseCode = "200", description = "One page of tasks")
    @APIResponse(responseCode = "404", description = "No such campaign (campaign.not-found)")
    public Page<TaskResponse> list(@PathParam("campaignId") UUID campaignId,
            @Valid @BeanParam SearchQuery list) {
        return tasks.of(readable(campaignId), list).map(TaskResponse::of);
    }

    /** Goals and tasks are read with their campaign, also by callers below its region (a plan reaching them). */
    private Campaign readable(UUID campaignId) {
        return campaigns.visible(campaignId, scope);
    }

    private Campaign writable(UUID campaignId) {
        return campaigns.writable(campaignId, scope);
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("task.not-found", "Task " + id + " does not exist in this campaign.");
    }
}
