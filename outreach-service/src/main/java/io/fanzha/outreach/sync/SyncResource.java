package io.fanzha.outreach.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.fanzha.outreach.record.OutreachRequest;
import io.fanzha.outreach.record.OutreachResponse;
import io.fanzha.outreach.record.OutreachWriter;
import io.fanzha.platform.bulk.BulkAnswer;
import io.fanzha.platform.bulk.BulkConflict;
import io.fanzha.platform.bulk.BulkConflicts;
import io.fanzha.platform.rest.JsonFault;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/v1/outreach/sync")
@Tag(name = "Outreach records")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SyncResource {

    @Inject
    OutreachWriter writer;

    @Inject
    RegionScope scope;

    @Inject
    SecurityIdentity identity;

    @Inject
    ObjectMapper json;

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER })
    @Operation(operationId = "syncOutreach", summary = "Send what a device logged offline", description = """
            Up to 500 records, each decided alone: a new id is CREATED; the same id and content again is UNCHANGED
            (a batch resent after a lost answer stores nothing twice, even when both copies arrive at once); the same
            id with other content is a CONFLICT (sync.conflict) unless it names baseVersion, the version it was edited
            on: then it is UPDATED, or a CONFLICT (sync.stale) when the record changed since; both conflicts return
            the stored record as current. A record that breaks a rule is REJECTED with the code POST
            /api/v1/outreach would answer. dryRun=true stores nothing; atomic=true stores nothing if any record is
            refused. Emits fanzha.outreach.recorded.v1 and fanzha.outreach.updated.v1.""")
    @APIResponse(responseCode = "200", description = "Each record's result")
    @APIResponse(responseCode = "400", description = "Not a batch: no deviceId, no records or more than 500 "
            + "(request.invalid), not JSON (request.malformed)")
    public SyncAnswer sync(@NotNull @Valid SyncRequest request,
            @Parameter(description = "Decide, store nothing") @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @Parameter(description = "All records or none") @QueryParam("atomic") @DefaultValue("false") boolean atomic) {
        List<OutreachRequest> records = new ArrayList<>();
        Map<Integer, JsonFault> unreadable = new HashMap<>();
        for (Map<String, Object> fields : request.records()) {
            try {
                records.add(fields == null ? null : json.convertValue(fields, OutreachRequest.class));
                if (fields == null) {
                    unreadable.put(records.size() - 1, new JsonFault("request.malformed", null,
                            "A record is a JSON object, not null."));
                }
            } catch (IllegalArgumentException e) {
                records.add(null);
                unreadable.put(records.size() - 1, JsonFault.of(e.getCause() instanceof Exception cause ? cause : e));
            }
        }
        List<OutreachWriter.Result> results = writer.write(records, unreadable,
                OutreachWriter.Caller.of(identity, scope, request.deviceId()), dryRun, atomic);
        return answer(results, atomic);
    }

    private static SyncAnswer answer(List<OutreachWriter.Result> results, boolean atomic) {
        BulkConflicts conflicts = new BulkConflicts();
        long[] counts = new long[OutreachWriter.Outcome.values().length];
        List<SyncAnswer.Result> listed = new ArrayList<>();
        for (OutreachWriter.Result result : results) {
            counts[result.outcome().ordinal()]++;
            boolean refused = result.outcome() == OutreachWriter.Outcome.CONFLICT
                    || result.outcome() == OutreachWriter.Outcome.REJECTED;
            if (refused) {
                conflicts.add(new BulkConflict(result.index(), null, result.id() == null ? null : result.id().toString(),
                        result.code(), result.field(), result.message()));
            }
            listed.add(new SyncAnswer.Result(result.index(), result.id(), result.outcome(), result.version(), result.code(),
                    result.field(), result.message(), result.outcome() == OutreachWriter.Outcome.CONFLICT
                            ? OutreachResponse.of(result.record()) : null));
        }
        if (atomic && conflicts.count() > 0) {
            return new SyncAnswer(BulkAnswer.Status.ERROR, 0, 0, 0, 0, conflicts.count(), conflicts.listed(), List.of(),
                    listed);
        }
        return new SyncAnswer(conflicts.count() > 0 ? BulkAnswer.Status.WARNING : BulkAnswer.Status.SUCCESS,
                counts[OutreachWriter.Outcome.CREATED.ordinal()], counts[OutreachWriter.Outcome.UPDATED.ordinal()],
                counts[OutreachWriter.Outcome.UNCHANGED.ordinal()], 0, conflicts.count(), conflicts.listed(), List.of(),
                listed);
    }
}
