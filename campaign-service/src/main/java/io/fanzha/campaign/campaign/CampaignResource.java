package io.fanzha.campaign.campaign;

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

import io.fanzha.platform.rest.Page;
import io.fanzha.platform.rest.SearchQuery;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;

@Path("/api/v1/campaigns")
@Tag(name = "Campaigns", description = "Awareness campaigns (集中宣传活动) run by a county, township or village.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CampaignResource {

    @Inject
    CampaignService campaigns;

    @Inject
    RegionScope scope;

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "createCampaign", summary = "Create a campaign", description = "A new campaign is a DRAFT. "
            + "Emits fanzha.campaign.created.v1.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new campaign",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CampaignResponse.class)),
            headers = @Header(name = "Location", description = "/api/v1/campaigns/{id}", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid fields (request.invalid), end before start "
            + "(campaign.period-invalid), unknown region (region.unknown)")
    @APIResponse(responseCode = "403", description = "Role may not create campaigns (auth.forbidden) or region "
            + "outside your scope (scope.forbidden)")
    public Response create(@NotNull @Valid CampaignRequest request) {
        scope.assertWritable(request.regionCode());
        Campaign campaign = campaigns.create(request);
        return Response.created(URI.create("/api/v1/campaigns/" + campaign.id))
                .entity(CampaignResponse.of(campaign)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "updateCampaign", summary = "Replace a campaign's content",
            description = "Not its status (see updateCampaignStatus). Send the version you read: a newer stored version "
                    + "is 409 campaign.stale; a closed campaign is 409 campaign.closed. Emits fanzha.campaign.updated.v1 "
                    + "when something changed.")
    @APIResponse(responseCode = "200", description = "The campaign as stored")
    @APIResponse(responseCode = "404", description = "No such campaign (campaign.not-found)")
    @APIResponse(responseCode = "409", description = "Changed since you read it (campaign.stale) or closed (campaign.closed)")
    public CampaignResponse update(@PathParam("id") UUID id, @NotNull @Valid CampaignRequest request) {
        scope.assertWritable(readable(id).regionCode);
        scope.assertWritable(request.regionCode());
        return campaigns.update(id, request).map(CampaignResponse::of).orElseThrow(() -> notFound(id));
    }

    @PUT
    @Path("/{id}/status")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "updateCampaignStatus", summary = "Move a campaign on: DRAFT → ACTIVE → CLOSED",
            description = "The same status again changes nothing. Emits fanzha.campaign.updated.v1 when it changed.")
    @APIResponse(responseCode = "200", description = "The campaign as stored")
    @APIResponse(responseCode = "404", description = "No such campaign (campaign.not-found)")
    @APIResponse(responseCode = "409", description = "Not the next status (campaign.status-invalid), or changed since "
            + "you read it (campaign.stale)")
    public CampaignResponse updateStatus(@PathParam("id") UUID id, @NotNull @Valid StatusChange change) {
        scope.assertWritable(readable(id).regionCode);
        return campaigns.changeStatus(id, change).map(CampaignResponse::of).orElseThrow(() -> notFound(id));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "getCampaign", summary = "Get one campaign")
    @APIResponse(responseCode = "200", description = "The campaign")
    @APIResponse(responseCode = "404", description = "No such campaign (campaign.not-found)")
    public CampaignResponse get(@PathParam("id") UUID id) {
        return CampaignResponse.of(campaigns.visible(id, scope));
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "listCampaigns", summary = "List the campaigns run within a subtree")
    @APIResponse(responseCode = "200", description = "One page of campaigns, newest start first")
    public Page<CampaignResponse> list(
            @Parameter(description = "Root of the subtree; defaults to your own region", example = "341825",
                    schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN))
            @QueryParam("within") String within,
            @Parameter(description = "true: also the campaigns of the regions above your scope, which reach into it "
                    + "(a village's township and county)")
            // A String, because JAX-RS would read any word but "true" as false.
            @QueryParam("reaching") @Pattern(regexp = "^(true|false)$", message = "must be true or false") String reaching,
            @Valid @BeanParam SearchQuery list) {
        return campaigns.within(scope.subtreePrefix(within), "true".equals(reaching) ? scope.above() : List.of(), list)
                .map(CampaignResponse::of);
    }

    private Campaign readable(UUID id) {
        return campaigns.readable(id, scope);
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("campaign.not-found", "Campaign " + id + " does not exist.");
    }
}
