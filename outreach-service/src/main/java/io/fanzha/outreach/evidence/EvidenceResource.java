package io.fanzha.outreach.evidence;

import java.io.InputStream;
import java.net.URI;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.fanzha.outreach.record.OutreachRecords;
import io.fanzha.outreach.record.OutreachWriter;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

@Path("/api/v1/outreach/{id}/evidence")
@Tag(name = "Evidence", description = "Photos, videos and documents of outreach records (工作要留下痕迹).")
public class EvidenceResource {

    static final String NAME = "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$";

    @Inject
    EvidenceUploads uploads;

    @Inject
    EvidenceStore store;

    @Inject
    OutreachRecords records;

    @Inject
    RegionScope scope;

    @Inject
    SecurityIdentity identity;

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER })
    @Blocking
    @Operation(operationId = "uploadEvidence", summary = "Upload a file of a record", description = """
            Streamed, never held whole; checked against the SHA-256 declared in Repr-Digest (RFC 9530); its type
            sniffed from the bytes (a photo, a video or a PDF); at most 100 MB unless configured. The same file under
            the same name again answers 200 and stores nothing; the bytes are stored once whatever name or record
            they come under; files over 8 MiB go to the store in parts. The answer says how many of the files the
            record said would follow are still missing. A file also on another household's visit or on a record of
            another day flags both records (GET /api/v1/outreach/flags). By the record's worker, or an admin or
            coordinator of its scope. Emits fanzha.outreach.evidence-added.v1 (and evidence-flagged.v1).""")
    @APIResponse(responseCode = "201", description = "Stored and listed on the record; Location names it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvidenceResponse.class)),
            headers = @Header(name = "Location", description = "/api/v1/outreach/{id}/evidence/{name}",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "200", description = "This file was uploaded under this name before",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = EvidenceResponse.class)))
    @APIResponse(responseCode = "400", description = "No or no valid Repr-Digest (evidence.digest-missing, "
            + "evidence.digest-invalid), the bytes differ from it (evidence.digest-mismatch), the upload ended early "
            + "(evidence.incomplete), a bad name (request.invalid)")
    @APIResponse(responseCode = "403", description = "Outside your scope (scope.forbidden), someone else's record "
            + "(outreach.not-yours)")
    @APIResponse(responseCode = "404", description = "No such record (outreach.not-found)")
    @APIResponse(responseCode = "409", description = "Another file has this name on the record (evidence.conflict)")
    @APIResponse(responseCode = "413", description = "Over the size limit (evidence.too-large, request.too-large)")
    @APIResponse(responseCode = "415", description = "Not a photo, video or PDF, whatever it is named (evidence.type-unsupported)")
    public Response upload(@PathParam("id") UUID id,
            @PathParam("name") @Pattern(regexp = NAME, message = "must be a file name of letters, digits, '.', '-' and "
                    + "'_', at most 100") String name,
            @Parameter(description = "sha-256=:<base64 of the file's SHA-256>:", required = true,
                    example = "sha-256=:X48E9qOokqqrvdts8nOJRJN3OWDUoyWxBf7kbu9DBPE=:")
            @HeaderParam("Repr-Digest") String reprDigest,
            @RequestBody(description = "The file", content = @Content(mediaType = MediaType.WILDCARD,
                    schema = @Schema(type = SchemaType.STRING, format = "binary"))) InputStream body) {
        EvidenceUploads.Upload upload = uploads.upload(id, name, reprDigest, body,
                OutreachWriter.Caller.of(identity, scope, null));
        EvidenceResponse answer = EvidenceResponse.of(upload.evidence(), upload.missing());
        return upload.created() ? Response.created(URI.create("/api/v1/outreach/" + id + "/evidence/" + name))
                .entity(answer).build() : Response.ok(answer).build();
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.INSPECTOR })
    @Operation(operationId = "listEvidence", summary = "The files of a record", description = "By name.")
    @APIResponse(responseCode = "200", description = "The files")
    @APIResponse(responseCode = "403", description = "Outside your scope (scope.forbidden), someone else's record "
            + "(outreach.not-yours, for field workers)")
    @APIResponse(responseCode = "404", description = "No such record (outreach.not-found)")
    public List<EvidenceResponse> list(@PathParam("id") UUID id) {
        records.readable(id, OutreachWriter.Caller.of(identity, scope, null));
        return Evidence.<Evidence>list("recordId", Sort.by("name"), id).stream()
                .map(EvidenceResponse::of).toList();
    }

    @GET
    @Path("/{name}")
    @Produces(MediaType.WILDCARD)
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.INSPECTOR })
    @Blocking
    @Operation(operationId = "downloadEvidence", summary = "Download a file of a record",
            description = "Streamed from the object store, with its sniffed type and its Repr-Digest.")
    @APIResponse(responseCode = "200", description = "The file",
            content = @Content(mediaType = MediaType.WILDCARD, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "403", description = "Outside your scope (scope.forbidden), someone else's record "
            + "(outreach.not-yours, for field workers)")
    @APIResponse(responseCode = "404", description = "No such record or file (outreach.not-found, evidence.not-found)")
    public Response download(@PathParam("id") UUID id, @PathParam("name") String name) {
        records.readable(id, OutreachWriter.Caller.of(identity, scope, null));
        Evidence evidence = Evidence.<Evidence>find("recordId = ?1 and name = ?2", id, name).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("evidence.not-found", "Record " + id + " has no file "
                        + name + "."));
        StreamingOutput bytes = out -> {
            try (InputStream in = store.open(evidence.sha256)) {
                in.transferTo(out);
            }
        };
        return Response.ok(bytes, evidence.contentType).header("Content-Length", evidence.size)
                .header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(HexFormat.of()
                        .parseHex(evidence.sha256)) + ":").build();
    }
}
