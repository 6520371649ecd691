package io.fanzha.casestats.record;

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

import io.fanzha.platform.period.Period;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.rest.ListQuery;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;
import io.fanzha.platform.text.Text;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/cases")
@Tag(name = "Case records", description = "Anonymized fraud cases, one by one, for trace-back: no names, phone "
        + "numbers or ID numbers.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CaseRecordResource {

    static final String BAD_CASE = "Invalid fields (request.invalid), an unknown region (region.unknown) or category "
            + "(category.unknown, category.inactive), a day after today (case.in-future), something shaped like an ID "
            + "or phone number (case.personal-data)";

    @Inject
    CaseRecordService cases;

    @Inject
    RegionScope scope;

    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.AGENCY_REPORTER })
    @Operation(operationId = "createCase", summary = "Record a fraud case",
            description = "Emits fanzha.case.recorded.v1. The same id and content again answers 200 and records nothing.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponse.class)),
            headers = @Header(name = "Location", description = "/api/v1/cases/{id}", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "Recorded before with this id and content",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseResponse.class)))
    @APIResponse(responseCode = "400", description = BAD_CASE)
    @APIResponse(responseCode = "409", description = "The id was recorded before with other content (case.conflict)")
    public Response create(@NotNull @Valid CaseRequest request) {
        CaseRecordService.Recorded recorded = cases.record(request, identity.getPrincipal().getName(), scope);
        CaseResponse answer = CaseResponse.of(recorded.record());
        return recorded.created() ? Response.created(URI.create("/api/v1/cases/" + answer.id())).entity(answer).build()
                : Response.ok(answer).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.AGENCY_REPORTER })
    @Operation(operationId = "updateCase", summary = "Correct a fraud case",
            description = "Send the version you read (409 case.stale). Emits fanzha.case.updated.v1 when it changed.")
    @APIResponse(responseCode = "200", description = "The case as stored")
    @APIResponse(responseCode = "400", description = BAD_CASE)
    @APIResponse(responseCode = "404", description = "No such case (case.not-found)")
    @APIResponse(responseCode = "409", description = "Changed since you read it (case.stale)")
    public CaseResponse update(@PathParam("id") UUID id, @NotNull @Valid CaseRequest request) {
        return CaseResponse.of(cases.update(id, request, identity.getPrincipal().getName(), scope));
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.AGENCY_REPORTER })
    @Operation(operationId = "deleteCase", summary = "Delete a case recorded by mistake",
            description = "Emits fanzha.case.deleted.v1.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such case (case.not-found)")
    public void delete(@PathParam("id") UUID id) {
        cases.delete(id, scope);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.AGENCY_REPORTER, Roles.INSPECTOR })
    @Operation(operationId = "getCase", summary = "Get one fraud case")
    @APIResponse(responseCode = "200", description = "The case")
    @APIResponse(responseCode = "404", description = "No such case (case.not-found)")
    public CaseResponse get(@PathParam("id") UUID id) {
        return CaseResponse.of(cases.readable(id, scope));
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.AGENCY_REPORTER, Roles.INSPECTOR })
    @Operation(operationId = "listCases", summary = "List the fraud cases of a subtree", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "One page of cases")
    public Page<CaseResponse> list(
            @Parameter(description = "Root of the subtree; defaults to your whole scope",
                    schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN))
            @QueryParam("within") String within,
            @Parameter(description = "Only this fraud category")
            @QueryParam("category") @Pattern(regexp = Text.CODE, message = Text.CODE_MESSAGE) String category,
            @Parameter(description = "Only the cases of this period (2024-Q1, 2024-W05, …)",
                    schema = @Schema(type = SchemaType.STRING, pattern = Period.PATTERN))
            @QueryParam("in") String in,
            @Valid @BeanParam ListQuery list) {
        return cases.within(scope.subtreePrefix(within), category, in == null ? null : Period.parse(in), list)
                .map(CaseResponse::of);
    }
}
