package io.fanzha.campaign.goal;

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
import io.fanzha.platform.rest.ListQuery;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;

@Path("/api/v1/campaigns/{campaignId}/goals")
@Tag(name = "Goals", description = "The goals of a campaign: cases and losses down year on year, coverage, activity counts.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GoalResource {

    @Inject
    GoalService goals;

    @Inject
    CampaignService campaigns;

    @Inject
    RegionScope scope;

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "createGoal", summary = "Set a goal of a campaign", description = "Emits fanzha.goal.created.v1.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new goal",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = GoalResponse.class)),
            headers = @Header(name = "Location", description = "/api/v1/campaigns/{campaignId}/goals/{id}",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid fields (request.invalid), a field the metric does not take "
            + "(goal.target-invalid), a missing period, deadline or target (goal.period-missing, goal.deadline-missing, "
            + "goal.target-missing), a region outside the campaign's (goal.region-outside)")
    @APIResponse(responseCode = "404", description = "No such campaign (campaign.not-found)")
    @APIResponse(responseCode = "409", description = "The campaign is closed (campaign.closed)")
    public Response create(@PathParam("campaignId") UUID campaignId, @NotNull @Valid GoalRequest request) {
        Campaign campaign = writable(campaignId);
        Goal goal = goals.create(campaign, request);
        return Response.created(URI.create("/api/v1/campaigns/" + campaignId + "/goals/" + goal.id))
                .entity(GoalResponse.of(goal)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "updateGoal", summary = "Replace a goal",
            description = "Send the version you read (409 goal.stale). Emits fanzha.goal.updated.v1 when it changed.")
    @APIResponse(responseCode = "200", description = "The goal as stored")
    @APIResponse(responseCode = "404", description = "No such campaign or goal (campaign.not-found, goal.not-found)")
    @APIResponse(responseCode = "409", description = "Changed since you read it (goal.stale), or the campaign is closed "
            + "(campaign.closed)")
    public GoalResponse update(@PathParam("campaignId") UUID campaignId, @PathParam("id") UUID id,
            @NotNull @Valid GoalRequest request) {
        Campaign campaign = writable(campaignId);
        return goals.update(campaign, id, request).map(GoalResponse::of).orElseThrow(() -> notFound(id));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "deleteGoal", summary = "Delete a goal", description = "Emits fanzha.goal.deleted.v1.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such campaign or goal (campaign.not-found, goal.not-found)")
    @APIResponse(responseCode = "409", description = "The campaign is closed (campaign.closed)")
    public void delete(@PathParam("campaignId") UUID campaignId, @PathParam("id") UUID id) {
        if (!goals.delete(writable(campaignId), id)) {
            throw notFound(id);
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "getGoal", summary = "Get one goal of a campaign")
    @APIResponse(responseCode = "200", description = "The goal")
    @APIResponse(responseCode = "404", description = "No such campaign or goal (campaign.not-found, goal.not-found)")
    public GoalResponse get(@PathParam("campaignId") UUID campaignId, @PathParam("id") UUID id) {
        return goals.find(readable(campaignId), id).map(GoalResponse::of).orElseThrow(() -> notFound(id));
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "listGoals", summary = "List the goals of a campaign", description = "In the order they were set.")
    @APIResponse(responseCode = "200", description = "One page of goals")
    @APIResponse(responseCode = "404", description = "No such campaign (campaign.not-found)")
    public Page<GoalResponse> list(@PathParam("campaignId") UUID campaignId,
            @Valid @BeanParam ListQuery list) {
        return goals.of(readable(campaignId), list).map(GoalResponse::of);
    }

    /** Goals and tasks are read with their campaign, also by callers below its region (a plan reaching them). */
    private Campaign readable(UUID campaignId) {
        return campaigns.visible(campaignId, scope);
    }

    private Campaign writable(UUID campaignId) {
        return campaigns.writable(campaignId, scope);
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("goal.not-found", "Goal " + id + " does not exist in this campaign.");
    }
}
