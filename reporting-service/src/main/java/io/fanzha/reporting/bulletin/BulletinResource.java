package io.fanzha.reporting.bulletin;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.fanzha.platform.period.Granularity;
import io.fanzha.platform.period.Period;
import io.fanzha.platform.problem.ProblemException;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;
import io.fanzha.reporting.readmodel.ReadModel;
import io.fanzha.reporting.region.RegionRow;
import io.smallrye.common.annotation.Blocking;

@Path("/api/v1/reports/bulletins")
@Tag(name = "Weekly bulletin", description = "通报: a region's cases, losses and outreach of an ISO week.")
public class BulletinResource {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    ReadModel readModel;

    @Inject
    RegionScope scope;

    @Inject
    BulletinCsv csv;

    @Inject
    BulletinXlsx xlsx;

    @Inject
    BulletinPdf pdf;

    @GET
    @Path("/{code}/{week}")
    @Produces({ MediaType.APPLICATION_JSON, "text/csv", XLSX, "application/pdf" })
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Blocking
    @Operation(operationId = "getWeeklyBulletin", summary = "The weekly bulletin of a region",
            description = "Per region of the subtree down to the villages: the week's cases and losses beside the same "
                    + "week last year, in all and by fraud category; the week's outreach by kind; household coverage at "
                    + "the week's end; the expected reports that did not arrive; the 12-week trend. As JSON, or as a "
                    + "file (format=csv, xlsx or pdf; the PDF embeds its Chinese font and draws the trend). A closed "
                    + "week changes only when its data arrives late or is corrected, and then says when (revisedAt).")
    @APIResponse(responseCode = "200", description = "The bulletin", content = {
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Bulletin.class)),
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(mediaType = "application/pdf", schema = @Schema(type = SchemaType.STRING, format = "binary")) },
            headers = @Header(name = "Content-Disposition", description = "For a file: attachment; "
                    + "filename=\"bulletin-341825-2024-W05.pdf\"", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Not a region code (region.code-invalid), not an ISO week "
            + "(period.invalid), an unknown format (request.invalid)")
    @APIResponse(responseCode = "403", description = "Region outside your scope (scope.forbidden)")
    @APIResponse(responseCode = "404", description = "No such region in the read model (region.not-found)")
    @APIResponse(responseCode = "503", description = "The read models are being built for the first time "
            + "(report.not-ready)")
    public Response bulletin(
            @Parameter(description = "Region code", example = "341825",
                    schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN)) @PathParam("code") String code,
            @Parameter(description = "ISO week", example = "2024-W05",
                    schema = @Schema(type = SchemaType.STRING, pattern = Period.PATTERN)) @PathParam("week") String week,
            @Parameter(description = "json (default), csv, xlsx or pdf") @QueryParam("format") @DefaultValue("json")
            @Pattern(regexp = "^(json|csv|xlsx|pdf)$", message = "must be json, csv, xlsx or pdf") String format) {
        RegionCode region = scope.assertReadable(code);
        Period period = Period.parse(week);
        if (period.granularity() != Granularity.WEEK) {
            throw ProblemException.invalidField("period.invalid", "week", "must be an ISO week such as 2024-W05");
        }
        Bulletin bulletin = readModel.read((connection, freshness) -> BulletinQueries.bulletin(connection, freshness,
                region.value(), period)).orElseThrow(() -> RegionRow.notFound(code));
        if (format.equals("json")) {
            return Response.ok(bulletin, MediaType.APPLICATION_JSON).build();
        }
        StreamingOutput body = switch (format) {
            case "csv" -> out -> csv.write(bulletin, out);
            case "xlsx" -> out -> xlsx.write(bulletin, out);
            default -> out -> pdf.write(bulletin, out);
        };
        String type = switch (format) {
            case "csv" -> "text/csv; charset=UTF-8";
            case "xlsx" -> XLSX;
            default -> "application/pdf";
        };
        return Response.ok(body, type).header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"bulletin-" + region.value() + "-" + period + "." + format + "\"").build();
    }
}
