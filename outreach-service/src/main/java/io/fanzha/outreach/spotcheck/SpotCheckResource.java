package io.fanzha.outreach.spotcheck;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
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

import io.fanzha.outreach.record.OutreachWriter;
import io.fanzha.platform.period.Period;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/outreach/spot-checks")
@Tag(name = "Spot checks", description = "抽查回访: samples of household visits drawn for revisits, and what the "
        + "revisits found.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SpotCheckResource {

    @Inject
    SpotChecks spotChecks;

    @Inject
    RegionScope scope;

    @Inject
    SecurityIdentity identity;

    private OutreachWriter.Caller caller() {
        return OutreachWriter.Caller.of(identity, scope, null);
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.INSPECTOR })
    @Operation(operationId = "createSpotCheck", summary = "Draw a sample of household visits to revisit",
            description = "From the door-to-door visits of the subtree and period that count (not voided, not "
                    + "rejected). Reproducible: the same seed over the same visits draws the same sample.")
    @APIResponse(responseCode = "201", description = "Drawn and stored; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SpotCheckResponse.class)),
            headers = @Header(name = "Location", description = "/api/v1/outreach/spot-checks/{id}",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid fields (request.invalid, period.invalid)")
    @APIResponse(responseCode = "403", description = "A subtree outside your scope (scope.forbidden)")
    public Response draw(@NotNull @Valid SpotCheckRequest request) {
        SpotCheck check = spotChecks.draw(request, caller());
        return Response.created(URI.create("/api/v1/outreach/spot-checks/" + check.id))
                .entity(SpotCheckResponse.of(check, spotChecks.items(check.id))).build();
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.INSPECTOR })
    @Operation(operationId = "listSpotChecks", summary = "The spot checks drawn in a subtree",
            description = "Newest first, each with its sample and the results so far.")
    @APIResponse(responseCode = "200", description = "One page of spot checks")
    @APIResponse(responseCode = "403", description = "Outside your scope (scope.forbidden)")
    public Page<SpotCheckResponse> list(
            @Parameter(description = "Root of a subtree; defaults to your whole scope",
                    schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN)) @QueryParam("within") String within,
            @Parameter(description = "Only spot checks of this period", schema = @Schema(type = SchemaType.STRING,
                    pattern = Period.PATTERN)) @QueryParam("period") String period,
            @Parameter(description = "0-based page number") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Items per page, at most " + Page.MAX_SIZE)
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return spotChecks.within(scope.subtreePrefix(within), period == null ? null : Period.parse(period).toString(),
                page, size).map(check -> SpotCheckResponse.of(check, spotChecks.items(check.id)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.INSPECTOR })
    @Operation(operationId = "getSpotCheck", summary = "A spot check: its sample and the results so far")
    @APIResponse(responseCode = "200", description = "The spot check")
    @APIResponse(responseCode = "403", description = "Outside your scope (scope.forbidden)")
    @APIResponse(responseCode = "404", description = "No such spot check (spot-check.not-found)")
    public SpotCheckResponse get(@PathParam("id") UUID id) {
        return SpotCheckResponse.of(spotChecks.readable(id, caller()), spotChecks.items(id));
    }

    @PUT
    @Path("/{id}/items/{recordId}")
    @RolesAllowed({ Roles.ADMIN, Roles.INSPECTOR })
    @Operation(operationId = "updateSpotCheckItem", summary = "What the revisit of a sampled household found",
            description = "CONFIRMED, NOT_REACHED or DENIED (the household says nobody came: the record gets "
                    + "HAS_ISSUES, for an inspector to decide). A later result replaces an earlier one. Emits "
                    + "fanzha.spot-check.recorded.v1.")
    @APIResponse(responseCode = "200", description = "The sampled visit with its result")
    @APIResponse(responseCode = "403", description = "Outside your scope (scope.forbidden)")
    @APIResponse(responseCode = "404", description = "No such spot check (spot-check.not-found), or the record is not "
            + "in its sample (spot-check.item-not-found)")
    public SpotCheckResponse.Item revisit(@PathParam("id") UUID id, @PathParam("recordId") UUID recordId,
            @NotNull @Valid RevisitRequest request) {
        return SpotCheckResponse.Item.of(spotChecks.revisit(id, recordId, request, caller()));
    }

    @GET
    @Path("/rates")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.INSPECTOR })
    @Operation(operationId = "listConfirmationRates", summary = "How each worker's or village's visits held up on revisit",
            description = "Over the revisits recorded in the subtree (and, with period, of the spot checks of that "
                    + "period): rate = confirmed / (confirmed + denied).")
    @APIResponse(responseCode = "200", description = "One entry per worker or village with revisits")
    @APIResponse(responseCode = "403", description = "Outside your scope (scope.forbidden)")
    public List<ConfirmationRate> rates(
            @Parameter(description = "Root of a subtree; defaults to your whole scope",
                    schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN)) @QueryParam("within") String within,
            @Parameter(description = "Only spot checks of this period", schema = @Schema(type = SchemaType.STRING,
                    pattern = Period.PATTERN)) @QueryParam("period") String period,
            @Parameter(description = "worker (default) or village")
            @QueryParam("by") @DefaultValue("worker") @Pattern(regexp = "^(worker|village)$",
                    message = "must be worker or village") String by) {
        return spotChecks.rates(scope.subtreePrefix(within), period == null ? null : Period.parse(period).toString(),
                by.equals("worker"));
    }
}
