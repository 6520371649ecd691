package io.fanzha.casestats.category;

import java.net.URI;

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

import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.rest.SearchQuery;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;
import io.fanzha.platform.text.Text;

/**
 * The catalogue is the same for every region: reading it needs a role but no scope, and changing it affects every
 * county, so it needs an admin of the national scope (docs/api.md, "Roles and region scope").
 */
@Path("/api/v1/fraud-categories")
@Tag(name = "Fraud categories", description = "The catalogue of fraud categories that case reports and goals use.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class FraudCategoryResource {

    @Inject
    FraudCategoryService categories;

    @Inject
    RegionScope scope;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "createFraudCategory", summary = "Add a category to the catalogue",
            description = "National-scope admins only. Emits fanzha.fraud-category.created.v1.")
    @APIResponse(responseCode = "201", description = "Added; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = FraudCategoryResponse.class)),
            headers = @Header(name = "Location", description = "/api/v1/fraud-categories/{code}",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid fields or no code (request.invalid)")
    @APIResponse(responseCode = "403", description = "Not an admin of the national scope (auth.forbidden, scope.forbidden)")
    @APIResponse(responseCode = "409", description = "The code exists, active or not (category.exists)")
    public Response create(@NotNull @Valid FraudCategoryRequest request) {
        requireNational();
        FraudCategory category = categories.create(request);
        return Response.created(URI.create("/api/v1/fraud-categories/" + category.code))
                .entity(FraudCategoryResponse.of(category)).build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "updateFraudCategory", summary = "Rename, refocus, deactivate or reactivate a category",
            description = "National-scope admins only; the code never changes and a category is never deleted. Send "
                    + "the version you read (409 category.stale). Emits fanzha.fraud-category.updated.v1 when it changed.")
    @APIResponse(responseCode = "200", description = "The category as stored")
    @APIResponse(responseCode = "400", description = "Invalid fields (request.invalid), another code "
            + "(category.code-immutable)")
    @APIResponse(responseCode = "403", description = "Not an admin of the national scope (auth.forbidden, scope.forbidden)")
    @APIResponse(responseCode = "404", description = "No such category (category.not-found)")
    @APIResponse(responseCode = "409", description = "Changed since you read it (category.stale)")
    public FraudCategoryResponse update(@PathParam("code") @Pattern(regexp = Text.CODE, message = Text.CODE_MESSAGE)
            String code, @NotNull @Valid FraudCategoryRequest request) {
        requireNational();
        return categories.update(code, request).map(FraudCategoryResponse::of).orElseThrow(() -> notFound(code));
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "listFraudCategories", summary = "List the fraud categories",
            description = "In the catalogue's order, the focus categories first; inactive ones too, unless asked.")
    @APIResponse(responseCode = "200", description = "One page of the catalogue")
    public Page<FraudCategoryResponse> list(
            // Strings, because JAX-RS would read any word but "true" as false.
            @Parameter(description = "true: only the focus categories; false: only the others")
            @QueryParam("focus") @Pattern(regexp = "^(true|false)$", message = "must be true or false") String focus,
            @Parameter(description = "true: only the active categories; false: only the inactive ones")
            @QueryParam("active") @Pattern(regexp = "^(true|false)$", message = "must be true or false") String active,
            @Valid @BeanParam SearchQuery list) {
        return categories.list(focus == null ? null : Boolean.valueOf(focus), active == null ? null : Boolean.valueOf(active),
                list).map(FraudCategoryResponse::of);
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "getFraudCategory", summary = "Get one fraud category")
    @APIResponse(responseCode = "200", description = "The category")
    @APIResponse(responseCode = "400", description = "Not a category code (request.invalid)")
    @APIResponse(responseCode = "404", description = "No such category (category.not-found)")
    public FraudCategoryResponse get(@PathParam("code") @Pattern(regexp = Text.CODE, message = Text.CODE_MESSAGE)
            String code) {
        return categories.find(code).map(FraudCategoryResponse::of).orElseThrow(() -> notFound(code));
    }

    private void requireNational() {
        scope.assertNational("The catalogue is the same for every county: only an admin of the national scope (CN) "
                + "changes it.");
    }

    private static ProblemException notFound(String code) {
        return ProblemException.notFound("category.not-found", "Fraud category " + code + " does not exist.");
    }
}
