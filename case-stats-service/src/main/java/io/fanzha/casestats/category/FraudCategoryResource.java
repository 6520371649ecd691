package io.fanzha.casestats.category;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.security.Roles;
import io.fanzha.platform.text.Text;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

/** The catalogue is the same for every region, so reading it needs a role but no scope check. */
@Path("/api/v1/fraud-categories")
@Tag(name = "Fraud categories", description = "The catalogue of fraud categories that case reports and goals use.")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
        Roles.VIEWER })
public class FraudCategoryResource {

    @GET
    @Operation(operationId = "listFraudCategories", summary = "List the fraud categories",
            description = "The focus categories come first; a page like every other list.")
    @APIResponse(responseCode = "200", description = "One page of the catalogue")
    public Page<FraudCategoryResponse> list(
            // A String, because JAX-RS would read any word but "true" as false.
            @Parameter(description = "true: only the focus categories; false: only the others")
            @QueryParam("focus") @Pattern(regexp = "^(true|false)$", message = "must be true or false") String focus,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        Sort order = Sort.by("sortOrder");
        PanacheQuery<FraudCategory> categories = focus == null
                ? FraudCategory.findAll(order)
                : FraudCategory.find("focus", order, Boolean.parseBoolean(focus));
        return Page.of(categories, page, size).map(FraudCategoryResponse::of);
    }

    @GET
    @Path("/{code}")
    @Operation(operationId = "getFraudCategory", summary = "Get one fraud category")
    @APIResponse(responseCode = "200", description = "The category")
    @APIResponse(responseCode = "400", description = "Not a category code (request.invalid)")
    @APIResponse(responseCode = "404", description = "No such category (category.not-found)")
    public FraudCategoryResponse get(@PathParam("code")
            @Pattern(regexp = Text.CODE, message = Text.CODE_MESSAGE) String code) {
        return FraudCategory.<FraudCategory>findByIdOptional(code).map(FraudCategoryResponse::of)
                .orElseThrow(() -> ProblemException.notFound("category.not-found",
                        "Fraud category " + code + " does not exist."));
    }
}
