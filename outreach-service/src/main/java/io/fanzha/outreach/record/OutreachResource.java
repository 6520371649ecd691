package io.fanzha.outreach.record;

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
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

import io.fanzha.contracts.OutreachKind;
import io.fanzha.platform.period.Period;
import io.fanzha.platform.persistence.Where;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.problem.Violation;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.rest.ListQuery;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;
import io.fanzha.platform.time.Days;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/outreach")
@Tag(name = "Outreach records", description = "Door-to-door visits, talks, posters and every other outreach, logged by "
        + "field workers (offline first: see sync), reviewed by inspectors.")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OutreachResource {

    static final String REFUSED = "Invalid fields (request.invalid); an unknown region, unit, campaign or task "
            + "(region.unknown, unit.unknown, unit.inactive, campaign.unknown, task.unknown); outside the campaign or "
            + "task (outreach.outside-campaign, outreach.outside-task, outreach.task-campaign); later than now "
            + "(outreach.in-future); a household missing, not allowed or not in a village (outreach.household-missing, "
            + "outreach.household-not-allowed, outreach.household-region); something shaped like an ID or phone number "
            + "(outreach.personal-data)";

    @Inject
    OutreachWriter writer;

    @Inject
    OutreachRecords records;

    @Inject
    RegionScope scope;

    @Inject
    SecurityIdentity identity;

    private OutreachWriter.Caller caller() {
        return OutreachWriter.Caller.of(identity, scope, null);
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER })
    @Operation(operationId = "createOutreach", summary = "Record one piece of outreach",
            description = "As one record of a sync (POST /api/v1/outreach/sync), answered with HTTP statuses. The same "
                    + "id and content again answers 200 and stores nothing. Emits fanzha.outreach.recorded.v1.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OutreachResponse.class)),
            headers = @Header(name = "Location", description = "/api/v1/outreach/{id}", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "Recorded before with this id and content (or, with baseVersion, "
            + "edited)", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = OutreachResponse.class)))
    @APIResponse(responseCode = "400", description = REFUSED)
    @APIResponse(responseCode = "403", description = "A region outside your scope (scope.forbidden), someone else's "
            + "record (outreach.not-yours)")
    @APIResponse(responseCode = "409", description = "The id was recorded before with other content and no baseVersion "
            + "(sync.conflict), or changed since baseVersion (sync.stale)")
    public Response record(@NotNull @Valid OutreachRequest request) {
        return answer(writer.write(List.of(request), Map.of(), caller(), false, false).get(0));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER })
    @Operation(operationId = "updateOutreach", summary = "Edit a record",
            description = "A new version, made on baseVersion (required); it goes back to review (PENDING). Emits "
                    + "fanzha.outreach.updated.v1 with the full new state.")
    @APIResponse(responseCode = "200", description = "The new version (or the stored one, if nothing changed)")
    @APIResponse(responseCode = "400", description = REFUSED + "; no baseVersion, or another id in the body")
    @APIResponse(responseCode = "403", description = "Outside your scope (scope.forbidden), someone else's record "
            + "(outreach.not-yours)")
    @APIResponse(responseCode = "404", description = "No such record (outreach.not-found)")
    @APIResponse(responseCode = "409", description = "Changed since baseVersion (sync.stale)")
    public Response edit(@PathParam("id") UUID id, @NotNull @Valid OutreachRequest request) {
        if (!id.equals(request.id())) {
            throw ProblemException.invalidField("request.invalid", "id", "The body's id is not the path's.");
        }
        if (request.baseVersion() == null) {
            throw new ProblemException(400, "request.invalid", "Bad Request", "An edit names the version it was made on.",
                    List.of(new Violation("baseVersion", "must not be null")));
        }
        return answer(writer.write(List.of(request), Map.of(), caller(), false, false).get(0));
    }

    private static Response answer(OutreachWriter.Result result) {
        switch (result.outcome()) {
            case CREATED -> {
                return Response.created(URI.create("/api/v1/outreach/" + result.id()))
                        .entity(OutreachResponse.of(result.record())).build();
            }
            case UNCHANGED, UPDATED -> {
                return Response.ok(OutreachResponse.of(result.record())).build();
            }
            default -> throw new ProblemException(result.status(), result.code(), Response.Status
                    .fromStatusCode(result.status()).getReasonPhrase(), result.message(), result.field() == null
                    ? List.of() : List.of(new Violation(result.field(), result.message())));
        }
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.INSPECTOR })
    @Operation(operationId = "listOutreach", summary = "Query outreach records",
            description = "Newest first, within your scope; field workers see only their own.")
    @APIResponse(responseCode = "200", description = "One page of records")
    public Page<OutreachResponse> list(
            @Parameter(description = "Only this region's records", schema = @Schema(type = SchemaType.STRING,
                    pattern = RegionCode.PATTERN)) @QueryParam("region") String region,
            @Parameter(description = "Root of a subtree; defaults to your whole scope",
                    schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN)) @QueryParam("within") String within,
            @Parameter(description = "Only those that happened in this period (China time)",
                    schema = @Schema(type = SchemaType.STRING, pattern = Period.PATTERN)) @QueryParam("period") String period,
            @QueryParam("kind") OutreachKind kind,
            @QueryParam("unitId") UUID unitId,
            @Parameter(description = "Only this worker's (the token's user)") @QueryParam("worker") String worker,
            @QueryParam("campaignId") UUID campaignId,
            @QueryParam("taskId") UUID taskId,
            @QueryParam("reviewState") ReviewState reviewState,
            @Parameter(description = "true: only voided records; false: only the others")
            // A String, because JAX-RS would read any word but "true" as false.
            @QueryParam("voided") @Pattern(regexp = "^(true|false)$", message = "must be true or false") String voided,
            @Valid @BeanParam ListQuery list) {
        OutreachWriter.Caller caller = caller();
        if (region != null) {
            scope.assertReadable(region);
        }
        Period in = period == null ? null : Period.parse(period);
        Where where = Where.of("regionCode like :prefix", "prefix", scope.subtreePrefix(within) + "%")
                .and("regionCode = :region", "region", region)
                .and("occurredAt >= :from", "from", in == null ? null : in.start().atStartOfDay(Days.ZONE).toOffsetDateTime())
                .and("occurredAt < :to", "to", in == null ? null
                        : in.end().plusDays(1).atStartOfDay(Days.ZONE).toOffsetDateTime())
                .and("kind = :kind", "kind", kind)
                .and("unitId = :unitId", "unitId", unitId)
                .and("worker = :worker", "worker", caller.ownOnly() ? caller.user() : worker)
                .and("campaignId = :campaignId", "campaignId", campaignId)
                .and("taskId = :taskId", "taskId", taskId)
                .and("reviewState = :reviewState", "reviewState", reviewState)
                .and("voided = :voided", "voided", voided == null ? null : Boolean.valueOf(voided))
                .filter(list);
        return records.list(where, list).map(OutreachResponse::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.INSPECTOR })
    @Operation(operationId = "getOutreach", summary = "One outreach record")
    @APIResponse(responseCode = "200", description = "The record")
    @APIResponse(responseCode = "403", description = "Outside your scope (scope.forbidden), someone else's record "
            + "(outreach.not-yours, for field workers)")
    @APIResponse(responseCode = "404", description = "No such record (outreach.not-found)")
    public OutreachResponse get(@PathParam("id") UUID id) {
        return OutreachResponse.of(records.readable(id, caller()));
    }

    @GET
    @Path("/{id}/versions")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.INSPECTOR })
    @Operation(operationId = "listOutreachVersions", summary = "Every version of a record",
            description = "Oldest first: each edit, void, restore and review, with who made it, when and from which device.")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "403", description = "Outside your scope (scope.forbidden), someone else's record "
            + "(outreach.not-yours, for field workers)")
    @APIResponse(responseCode = "404", description = "No such record (outreach.not-found)")
    public List<VersionResponse> versions(@PathParam("id") UUID id) {
        return records.versions(id, caller()).stream().map(VersionResponse::of).toList();
    }

    @POST
    @Path("/{id}/void")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER })
    @Operation(operationId = "voidOutreach", summary = "Void a record: it no longer counts",
            description = "By its worker, an admin or a coordinator. Voiding a voided record changes nothing. Emits "
                    + "fanzha.outreach.voided.v1.")
    @APIResponse(responseCode = "200", description = "The record, voided")
    @APIResponse(responseCode = "403", description = "Outside your scope (scope.forbidden), someone else's record "
            + "(outreach.not-yours)")
    @APIResponse(responseCode = "404", description = "No such record (outreach.not-found)")
    public OutreachResponse voidRecord(@PathParam("id") UUID id, @NotNull @Valid VoidRequest request) {
        return OutreachResponse.of(records.voidRecord(id, request.reason(), caller()));
    }

    @POST
    @Path("/{id}/restore")
    // No body: whatever Content-Type a client sends with none is no reason to refuse.
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER })
    @Operation(operationId = "restoreOutreach", summary = "Count a voided record again",
            description = "Emits fanzha.outreach.restored.v1.")
    @APIResponse(responseCode = "200", description = "The record, counted again")
    @APIResponse(responseCode = "403", description = "Outside your scope (scope.forbidden), someone else's record "
            + "(outreach.not-yours)")
    @APIResponse(responseCode = "404", description = "No such record (outreach.not-found)")
    public OutreachResponse restore(@PathParam("id") UUID id) {
        return OutreachResponse.of(records.restore(id, caller()));
    }

    @PUT
    @Path("/{id}/review")
    @RolesAllowed({ Roles.ADMIN, Roles.INSPECTOR })
    @Operation(operationId = "reviewOutreach", summary = "An inspector's decision on a record",
            description = "APPROVED, HAS_ISSUES or REJECTED (never counts), with a comment unless approved. An edit of "
                    + "the record sends it back to PENDING. Emits fanzha.outreach.reviewed.v1.")
    @APIResponse(responseCode = "200", description = "The record, reviewed")
    @APIResponse(responseCode = "400", description = "Invalid fields (request.invalid), PENDING (review.state-invalid), "
            + "no comment (review.comment-missing)")
    @APIResponse(responseCode = "403", description = "Outside your scope (scope.forbidden)")
    @APIResponse(responseCode = "404", description = "No such record (outreach.not-found)")
    public OutreachResponse review(@PathParam("id") UUID id, @NotNull @Valid ReviewRequest request) {
        return OutreachResponse.of(records.review(id, request, caller()));
    }

    /** One version of a record. */
    @Schema(name = "OutreachVersion")
    public record VersionResponse(long version,
            @Schema(description = "RECORDED, UPDATED, VOIDED, RESTORED or REVIEWED") String action,
            @Schema(description = "Who made it") String changedBy,
            @Schema(nullable = true) String deviceId,
            OffsetDateTime changedAt,
            @Schema(description = "The record's whole state in this version, as its event carried it") Object state) {

        static VersionResponse of(OutreachRecordVersion version) {
            return new VersionResponse(version.version, version.action, version.changedBy, version.deviceId,
                    version.changedAt, version.state);
        }
    }
}
