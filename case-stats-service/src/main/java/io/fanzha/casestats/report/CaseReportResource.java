package io.fanzha.casestats.report;

import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.fanzha.platform.bulk.BulkAnswer;
import io.fanzha.platform.bulk.BulkRows;
import io.fanzha.platform.job.ImportJobResponse;
import io.fanzha.platform.job.ImportJobs;
import io.fanzha.platform.job.ImportProgress;
import io.fanzha.platform.period.Period;
import io.fanzha.platform.persistence.Where;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.rest.ListQuery;
import io.fanzha.platform.rest.Page;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;
import io.fanzha.platform.text.Text;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;

@Path("/api/v1/case-reports")
@Tag(name = "Case reports", description = "Fraud cases and losses per region, period and category, pushed by agency "
        + "systems, with every change audited.")
@Produces(MediaType.APPLICATION_JSON)
public class CaseReportResource {

    static final String REGION_DESCRIPTION = "Only this region's reports";

    @Inject
    CaseReportImport imports;

    @Inject
    ImportJobs jobs;

    @Inject
    RegionScope scope;

    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes({ "text/csv", BulkRows.Format.XLSX_TYPE, MediaType.APPLICATION_JSON })
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.AGENCY_REPORTER })
    @Operation(operationId = "pushCaseReports", summary = "Push case reports", description = """
            JSON {"rows": [...]}, CSV with the header regionCode,period,category and any of cases,loss,
            casesConcluded,defendants,heavySentences,restitution,fines (UTF-8, with or without a byte order mark), or
            XLSX with the same header in the first row of its first sheet. Up to 100,000 rows.
            Idempotent: the same rows again answer ignored. A figure left out keeps its stored value (a court's push
            leaves the police's counts alone); money is a string or a number with at most two decimals. A row that
            breaks a rule, names an unknown region, period or category, or a region outside your scope
            (scope.forbidden) is a conflict of the answer, by its 0-based index (and CSV line); the rest is stored,
            or nothing with atomic=true. Every change is audited and announced (fanzha.case-report.*.v1).
            A body over 1 MiB (about 24,000 CSV rows) is stored and imported as a job: the answer is 202 with the
            job, whose Location shows its progress and then this same answer.""")
    @APIResponse(responseCode = "200", description = "What was stored (nothing for dryRun, or status ERROR)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BulkAnswer.class)))
    @APIResponse(responseCode = "202", description = "A body over the job threshold (1 MiB unless configured) was stored "
            + "and is imported as a job: follow Location (GET /api/v1/case-reports/jobs/{id}) for its progress, then "
            + "this same answer", content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportJobResponse.class)))
    @APIResponse(responseCode = "400", description = "The body cannot be read: not UTF-8, not CSV, XLSX or JSON, a "
            + "wrong header (import.header-invalid, request.malformed), more than 100,000 rows (case-report.too-many-rows)")
    @APIResponse(responseCode = "413", description = "Larger than the service takes (64 MiB unless configured; "
            + "request.too-large)")
    @Blocking
    public Response push(
            @RequestBody(description = "The rows", content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING), example = """
                        regionCode,period,category,cases,loss
                        341825100,2024-W05,ONLINE_LOAN,3,125000.00
                        """),
                @Content(mediaType = BulkRows.Format.XLSX_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")),
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CaseReportFile.class)) })
            InputStream body,
            @Context HttpHeaders headers,
            @Parameter(description = "CREATE_AND_UPDATE (default), CREATE, UPDATE or DELETE")
            @QueryParam("importStrategy") @DefaultValue("CREATE_AND_UPDATE") ImportStrategy strategy,
            @Parameter(description = "Check and count, store nothing") @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
            @Parameter(description = "All rows or none") @QueryParam("atomic") @DefaultValue("false") boolean atomic) {
        String mediaType = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        String scopePrefix = scope.writablePrefix();
        String user = identity.getPrincipal().getName();
        ImportJobs.Intake intake = jobs.take(body, headers.getLength() < 0 ? null : (long) headers.getLength(),
                new ImportJobs.Submission(CaseReportJobs.KIND, mediaType, CaseReportJobs.parameters(strategy, dryRun, atomic),
                        user, scopePrefix));
        if (intake.queued()) {
            return Response.accepted(ImportJobResponse.of(intake.job()))
                    .location(URI.create("/api/v1/case-reports/jobs/" + intake.job().id)).build();
        }
        return Response.ok(imports.run(new CaseReportImport.Request(intake.body(), BulkRows.Format.of(mediaType), strategy,
                dryRun, atomic, scopePrefix, user, UUID.randomUUID(), ImportProgress.NONE))).build();
    }

    @GET
    @Path("/jobs")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.AGENCY_REPORTER })
    @Operation(operationId = "listCaseReportJobs", summary = "Your pushes taken as jobs",
            description = "Newest first: those you sent and, for admins and coordinators, those sent within your scope.")
    @APIResponse(responseCode = "200", description = "One page of jobs")
    public Page<ImportJobResponse> jobs(
            @Parameter(description = "0-based page number") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Items per page, at most " + Page.MAX_SIZE)
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        return jobs.list(CaseReportJobs.KIND, page, size).map(ImportJobResponse::of);
    }

    @GET
    @Path("/jobs/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.AGENCY_REPORTER })
    @Operation(operationId = "getCaseReportJob", summary = "A push taken as a job: its progress, then its answer",
            description = "Poll until status is DONE (answer: the bulk answer) or FAILED (problem: why nothing was stored).")
    @APIResponse(responseCode = "200", description = "The job")
    @APIResponse(responseCode = "403", description = "Sent by someone else, and not within a scope you manage (scope.forbidden)")
    @APIResponse(responseCode = "404", description = "No such job (import-job.not-found)")
    public ImportJobResponse job(@PathParam("id") UUID id) {
        return ImportJobResponse.of(jobs.get(CaseReportJobs.KIND, id));
    }

    /**
     * The JSON form of a push, for the OpenAPI document. Its rows are described, not constrained: a row that breaks a
     * rule is a conflict of the answer, not a refusal of the push.
     */
    @Schema(description = "Case reports as JSON. Each row has regionCode, period and category, and at least one of "
            + "cases, loss, casesConcluded, defendants, heavySentences, restitution and fines (counts are whole numbers "
            + "from 0, money a string or number with at most two decimals).", example = """
            {"rows": [{"regionCode": "341825100", "period": "2024-W05", "category": "ONLINE_LOAN", "cases": 3,
                       "loss": "125000.00"}]}""")
    record CaseReportFile(@Schema(required = true) List<Map<String, Object>> rows) {
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.AGENCY_REPORTER, Roles.INSPECTOR, Roles.VIEWER })
    @Operation(operationId = "listCaseReports", summary = "Query the stored case reports",
            description = "By region, period and category; within your scope.")
    @APIResponse(responseCode = "200", description = "One page of reports")
    public Page<CaseReportResponse> list(
            @Parameter(description = REGION_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN))
            @QueryParam("region") String region,
            @Parameter(description = "Root of a subtree; defaults to your whole scope",
                    schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN))
            @QueryParam("within") String within,
            @Parameter(description = "Only this period", schema = @Schema(type = SchemaType.STRING, pattern = Period.PATTERN))
            @QueryParam("period") String period,
            @Parameter(description = "Only this fraud category")
            @QueryParam("category") @Pattern(regexp = Text.CODE, message = Text.CODE_MESSAGE) String category,
            @Parameter(description = "true: only the reports whose figures look implausible; false: only the others")
            // A String, because JAX-RS would read any word but "true" as false.
            @QueryParam("implausible") @Pattern(regexp = "^(true|false)$", message = "must be true or false") String implausible,
            @Valid @BeanParam ListQuery list) {
        Where where = filters(region, within, period, category).filter(list)
                .and(implausible != null, "true".equals(implausible) ? "warning is not null" : "warning is null", Map.of());
        return Page.of(CaseReport.<CaseReport>find(where.clause(), Sort.by("regionCode").and("period").and("category"),
                where.parameters()), list).map(CaseReportResponse::of);
    }

    @GET
    @Path("/audit")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.INSPECTOR })
    @Operation(operationId = "listCaseReportAudit", summary = "Who changed which figure, when, and from what",
            description = "Newest change first; within your scope.")
    @APIResponse(responseCode = "200", description = "One page of changes")
    public Page<AuditEntryResponse> audit(
            @Parameter(description = REGION_DESCRIPTION, schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN))
            @QueryParam("region") String region,
            @Parameter(description = "Only this period", schema = @Schema(type = SchemaType.STRING, pattern = Period.PATTERN))
            @QueryParam("period") String period,
            @Parameter(description = "Only this fraud category")
            @QueryParam("category") @Pattern(regexp = Text.CODE, message = Text.CODE_MESSAGE) String category,
            @Parameter(description = "0-based page number") @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @Parameter(description = "Items per page, at most " + Page.MAX_SIZE)
            @QueryParam("size") @DefaultValue(Page.DEFAULT_SIZE) @Min(1) @Max(Page.MAX_SIZE) int size) {
        Where where = filters(region, null, period, category);
        return Page.of(CaseReportAudit.<CaseReportAudit>find(where.clause(), Sort.by("changedAt", Sort.Direction.Descending)
                .and("id", Sort.Direction.Descending), where.parameters()), page, size).map(AuditEntryResponse::of);
    }

    /** The scope's filters: a region must be readable; without one, the subtree of within or of the whole scope. */
    private Where filters(String region, String within, String period, String category) {
        if (region != null) {
            scope.assertReadable(region);
        }
        return Where.of("regionCode like :prefix", "prefix", scope.subtreePrefix(within) + "%")
                .and("regionCode = :region", "region", region)
                .and("period = :period", "period", period == null ? null : Period.parse(period).toString())
                .and("category = :category", "category", category);
    }
}
