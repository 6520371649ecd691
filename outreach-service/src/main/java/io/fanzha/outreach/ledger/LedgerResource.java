package io.fanzha.outreach.ledger;

import java.util.UUID;

import javax.sql.DataSource;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.jboss.logging.Logger;

import io.fanzha.platform.period.Period;
import io.fanzha.platform.region.RegionCode;
import io.fanzha.platform.scope.RegionScope;
import io.fanzha.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;

@Path("/api/v1/ledger")
@Tag(name = "Ledger", description = "台账: the outreach records of a subtree, unit and period, as a file to keep and check.")
public class LedgerResource {

    private static final Logger LOG = Logger.getLogger(LedgerResource.class);
    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Inject
    RegionScope scope;

    @Inject
    DataSource dataSource;

    @GET
    @Produces({ "text/csv", XLSX })
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.INSPECTOR })
    @Blocking
    @Operation(operationId = "exportLedger", summary = "Export the ledger (台账) as CSV or XLSX", description = """
            Every outreach record of the subtree (and period, and unit) with its review state, whether it is voided,
            and a link to it; headers in Chinese and English; times in China time. Written as the records are read,
            so an export of any size takes the same memory. CSV is UTF-8 with a byte order mark (for Excel); a text
            cell starting with =, +, -, @ is written with a leading apostrophe so that no spreadsheet runs it.""")
    @APIResponse(responseCode = "200", description = "The file, named in Content-Disposition", content = {
        @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)),
        @Content(mediaType = XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary")) },
            headers = @Header(name = "Content-Disposition", description = "attachment; filename=\"ledger-341825-2024-Q1.csv\"",
                    schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "A subtree outside your scope (scope.forbidden)")
    public Response export(
            @Parameter(description = "Root of a subtree; defaults to your whole scope",
                    schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN)) @QueryParam("within") String within,
            @Parameter(description = "Only records of this period (China time)",
                    schema = @Schema(type = SchemaType.STRING, pattern = Period.PATTERN)) @QueryParam("period") String period,
            @Parameter(description = "Only this unit's records") @QueryParam("unitId") UUID unitId,
            @Parameter(description = "csv (default) or xlsx") @QueryParam("format") @DefaultValue("csv")
            @Pattern(regexp = "^(csv|xlsx)$", message = "must be csv or xlsx") String format) {
        String prefix = scope.subtreePrefix(within);
        Period in = period == null ? null : Period.parse(period);
        LedgerFormat form = LedgerFormat.valueOf(format.toUpperCase());
        LedgerQuery query = new LedgerQuery(prefix, in, unitId);
        StreamingOutput body = out -> {
            try {
                form.write(query, dataSource, out);
            } catch (Exception e) {
                // The status line is sent: the client sees a cut-off file, and the log says why.
                LOG.errorf(e, "The ledger export of %s broke off", prefix);
                throw new java.io.IOException("The ledger export broke off", e);
            }
        };
        String name = "ledger-" + (prefix.isEmpty() ? RegionCode.NATIONAL : prefix) + (in == null ? "" : "-" + in)
                + (unitId == null ? "" : "-" + unitId) + "." + form.extension;
        return Response.ok(body, form.mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "\"").build();
    }
}
