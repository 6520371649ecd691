package io.fanzha.outreach.evidence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.fanzha.outreach.record.OutreachRecord;
import io.fanzha.platform.persistence.Where;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.rest.ListQuery;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;
import io.quarkus.panache.common.Sort;

@Path("/api/v1/outreach/flags")
@Tag(name = "Evidence", description = "Photos, videos and documents of outreach records (工作要留下痕迹).")
@Produces(MediaType.APPLICATION_JSON)
public class FlagResource {

    @Inject
    RegionScope scope;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.INSPECTOR })
    @Operation(operationId = "listEvidenceFlags", summary = "Records whose photo is also on another household's visit "
            + "or another day's record", description = """
            The inspectors' queue against faked evidence (杜绝弄虚作假): newest flag first, one entry per record and
            file, for records in the subtree; each names the records it shares the file with. Flags stay once raised;
            an inspector decides by reviewing the record (PUT /api/v1/outreach/{id}/review).""")
    @APIResponse(responseCode = "200", description = "One page of flagged records")
    @APIResponse(responseCode = "400", description = "Invalid parameters (request.invalid)")
    @APIResponse(responseCode = "403", description = "Outside your scope (scope.forbidden)")
    public Page<FlagResponse> list(
            @Parameter(description = "Root of a subtree; defaults to your whole scope",
                    schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN)) @QueryParam("within") String within,
            @QueryParam("reason") EvidenceFlag.Reason reason,
            @Parameter(description = "Only this worker's records") @QueryParam("worker") String worker,
            @Valid @BeanParam ListQuery list) {
        Map<String, Object> ofRecords = new HashMap<>(Map.of("prefix", scope.subtreePrefix(within) + "%"));
        if (worker != null) {
            ofRecords.put("worker", worker);
        }
        Where where = Where.of("recordId in (select r.id from OutreachRecord r where r.regionCode like :prefix"
                + (worker == null ? "" : " and r.worker = :worker") + ")", ofRecords)
                .and("reason = :reason", "reason", reason);
        list.since().ifPresent(since -> where.and("flaggedAt > :since", "since", since));
        Page<EvidenceFlag> page = Page.of(EvidenceFlag.<EvidenceFlag>find(where.clause(),
                Sort.by("flaggedAt", Sort.Direction.Descending).and("recordId").and("sha256"), where.parameters()), list);
        return describe(page);
    }

    /** The page's records and the files' other holders, each looked up once for the page. */
    private static Page<FlagResponse> describe(Page<EvidenceFlag> page) {
        List<UUID> ids = page.items().stream().map(flag -> flag.recordId).distinct().toList();
        List<String> hashes = page.items().stream().map(flag -> flag.sha256).distinct().toList();
        Map<UUID, OutreachRecord> records = ids.isEmpty() ? Map.of() : OutreachRecord.<OutreachRecord>list("id in ?1", ids)
                .stream().collect(Collectors.toMap(record -> record.id, Function.identity()));
        Map<String, List<Evidence>> holders = hashes.isEmpty() ? Map.of()
                : Evidence.<Evidence>list("sha256 in ?1", Sort.by("recordId").and("name"), hashes).stream()
                        .collect(Collectors.groupingBy(file -> file.sha256));
        return page.map(flag -> {
            List<Evidence> sameFile = holders.getOrDefault(flag.sha256, List.of());
            return FlagResponse.of(flag, records.get(flag.recordId),
                    sameFile.stream().filter(file -> file.recordId.equals(flag.recordId)).map(file -> file.name).toList(),
                    sameFile.stream().map(file -> file.recordId).filter(id -> !id.equals(flag.recordId)).distinct().toList());
        });
    }
}
