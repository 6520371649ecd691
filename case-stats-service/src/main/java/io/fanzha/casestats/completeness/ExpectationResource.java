package io.fanzha.casestats.completeness;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;

@Path("/api/v1/case-reports/expectations")
@Tag(name = "Case reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ExpectationResource {

    @Inject
    ExpectationService expectations;

    @Inject
    RegionScope scope;

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "createExpectation", summary = "Expect reports of the regions of a subtree",
            description = "Emits fanzha.reporting-expectation.created.v1.")
    @APIResponse(responseCode = "201", description = "Created; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ExpectationResponse.class)),
            headers = @Header(name = "Location", description = "/api/v1/case-reports/expectations/{id}",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid fields (request.invalid), a level above the root "
            + "(expectation.level-invalid)")
    @APIResponse(responseCode = "409", description = "That reporter is already expected there (expectation.exists)")
    public Response create(@NotNull @Valid ExpectationRequest request) {
        Expectation expectation = expectations.create(request, scope);
        return Response.created(URI.create("/api/v1/case-reports/expectations/" + expectation.id))
                .entity(ExpectationResponse.of(expectation)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "updateExpectation", summary = "Change an expectation",
            description = "Send the version you read (409 expectation.stale). Emits "
                    + "fanzha.reporting-expectation.updated.v1 when it changed.")
    @APIResponse(responseCode = "200", description = "The expectation as stored")
    @APIResponse(responseCode = "400", description = "Invalid fields (request.invalid, expectation.level-invalid)")
    @APIResponse(responseCode = "404", description = "No such expectation (expectation.not-found)")
    @APIResponse(responseCode = "409", description = "Changed since you read it (expectation.stale), or a duplicate "
            + "(expectation.exists)")
    public ExpectationResponse update(@PathParam("id") UUID id, @NotNull @Valid ExpectationRequest request) {
        return ExpectationResponse.of(expectations.update(id, request, scope));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "deleteExpectation", summary = "Expect those reports no more",
            description = "Emits fanzha.reporting-expectation.deleted.v1.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such expectation (expectation.not-found)")
    public void delete(@PathParam("id") UUID id) {
        expectations.delete(id, scope);
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.AGENCY_REPORTER, Roles.INSPECTOR, Roles.VIEWER })
    @Operation(operationId = "listExpectations", summary = "List who is expected to report in a subtree")
    @APIResponse(responseCode = "200", description = "One page of expectations")
    public Page<ExpectationResponse> list(
            @Parameter(description = "Root of the subtree; defaults to your whole scope",
                    schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN))
            @QueryParam("within") String within,
            @Parameter(description = "0-based page number") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Items per page, at most " + Page.MAX_SIZE)
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return expectations.within(scope.subtreePrefix(within), page, size).map(ExpectationResponse::of);
    }
}
