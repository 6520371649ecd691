package io.fanzha.campaign.region;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.fanzha.platform.bulk.BulkAnswer;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.rest.SearchQuery;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.region.RegionLevel;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;

@Path("/api/v1/regions")
@Tag(name = "Regions", description = "The county → township → village → grid tree that scopes everything else.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RegionResource {

    @Inject
    RegionService regions;

    @Inject
    RegionScope scope;

    @Inject
    RegionImport imports;

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "createRegion", summary = "Create a region", description = "The parent must exist already (a county has none). "
            + "Emits fanzha.region.created.v1.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new region",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionResponse.class)),
            headers = @Header(name = "Location", description = "/api/v1/regions/{code}", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid fields (request.invalid), parent mismatch or unknown "
            + "(region.parent-mismatch, region.parent-unknown)")
    @APIResponse(responseCode = "403", description = "Role may not create regions (auth.forbidden) or region outside "
            + "your scope (scope.forbidden)")
    @APIResponse(responseCode = "409", description = "Region already exists (region.exists)")
    public Response create(@NotNull @Valid RegionRequest request) {
        scope.assertWritable(request.code());
        Region region = regions.create(request);
        return Response.created(URI.create("/api/v1/regions/" + region.code)).entity(RegionResponse.of(region)).build();
    }

    @POST
    @Path("/import")
    @Consumes({ "text/csv", MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "importRegions", summary = "Import a region file", description = """
            CSV with the header code,name,parentCode,residentHouseholds,population (UTF-8, with or without a byte
            order mark), or JSON {"regions": [...]}. Rows may come in any order; codes may be the statistics bureau's
            padded 12-digit form; an empty cell keeps the stored value; the same file again changes nothing. Each new
            or changed region is announced (fanzha.region.created.v2, fanzha.region.updated.v2). Refused rows are
            listed in conflicts and the rest stored, or nothing with atomic=true. The file is streamed, never held
            whole.""")
    @APIResponse(responseCode = "200", description = "What was stored (nothing for dryRun, or status ERROR)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkAnswer.class)))
    @APIResponse(responseCode = "400", description = "The file cannot be read: not UTF-8, not CSV or JSON, a wrong "
            + "header (import.header-invalid, request.malformed)")
    @APIResponse(responseCode = "413", description = "Larger than the service accepts")
    @Blocking
    public BulkAnswer importRegions(
            @RequestBody(description = "The regions", content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                        example = "code,name,parentCode,residentHouseholds,population\n341825100201,篁嘉村,341825100,420,1310\n"),
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RegionFile.class)) })
            InputStream body,
            @Context HttpHeaders headers,
            @Parameter(description = "Check and count, store nothing") @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @Parameter(description = "All rows or none") @QueryParam("atomic") @DefaultValue("false") boolean atomic) {
        boolean csv = headers.getMediaType() != null && headers.getMediaType().isCompatible(MediaType.valueOf("text/csv"));
        return imports.run(new RegionImport.Request(body, csv, scope.writablePrefix(), dryRun, atomic));
    }

    /**
     * The JSON form of a region file, for the OpenAPI document. Its items are described, not constrained: an item
     * that breaks a rule is a conflict in the answer, not a refusal of the file.
     */
    @Schema(description = "A region file as JSON. Each item has code and name, and any of parentCode, "
            + "residentHouseholds and population, with the rules of createRegion; a code may also be the bureau's "
            + "padded 12-digit form. An item that breaks a rule is listed in the answer's conflicts.", example = """
            {"regions": [{"code": "341825100201", "name": "篁嘉村", "residentHouseholds": 420, "population": 1310}]}""")
    record RegionFile(@Schema(required = true) List<Map<String, Object>> regions) {
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "updateRegion", summary = "Update a region's name and denominators", description = "Emits fanzha.region.updated.v1 "
            + "when something changed.")
    @APIResponse(responseCode = "200", description = "The region as stored")
    @APIResponse(responseCode = "404", description = "No such region (region.not-found)")
    public RegionResponse update(
            @Parameter(description = "Region code", example = "341825100",
                    schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN))
            @PathParam("code") String code, @NotNull @Valid RegionUpdate update) {
        scope.assertWritable(code);
        return regions.update(code, update).map(RegionResponse::of).orElseThrow(() -> notFound(code));
    }

    @DELETE
    @Path("/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR })
    @Operation(operationId = "deleteRegion", summary = "Delete a region", description = "Only a region with no "
            + "regions below it and no campaign. Other services keep their history for it and refuse new records "
            + "there. Emits fanzha.region.deleted.v2.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such region (region.not-found)")
    @APIResponse(responseCode = "409", description = "Regions below it (region.has-children) or a campaign in it "
            + "(region.in-use)")
    public void delete(
            @Parameter(description = "Region code", example = "341825100201",
                    schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN))
            @PathParam("code") String code) {
        scope.assertWritable(code);
        if (!regions.delete(code)) {
            throw notFound(code);
        }
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "getRegion", summary = "Get one region")
    @APIResponse(responseCode = "200", description = "The region")
    @APIResponse(responseCode = "404", description = "No such region (region.not-found)")
    public RegionResponse get(
            @Parameter(description = "Region code", example = "341825100",
                    schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN))
            @PathParam("code") String code) {
        scope.assertReadable(code);
        return regions.find(code).map(RegionResponse::of).orElseThrow(() -> notFound(code));
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "listRegions", summary = "List the regions of a subtree", description = "In code order, "
            + "so each region comes before the regions below it. Without within: your whole scope (for the national "
            + "scope, every region).")
    @APIResponse(responseCode = "200", description = "One page of regions")
    public Page<RegionResponse> list(
            @Parameter(description = "Root of the subtree; defaults to your own region", example = "341825100",
                    schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN))
            @QueryParam("within") String within,
            @Parameter(description = "Only this level")
            @QueryParam("level") RegionLevel level,
            @Valid @BeanParam SearchQuery list) {
        return regions.within(scope.subtreePrefix(within), level, list).map(RegionResponse::of);
    }

    private static ProblemException notFound(String code) {
        return ProblemException.notFound("region.not-found", "Region " + code + " does not exist.");
    }
}
