package io.fanzha.reporting.effectiveness;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
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
import io.fanzha.platform.time.Days;
import io.fanzha.reporting.readmodel.ReadModel;
import io.fanzha.reporting.region.RegionRow;
import io.fanzha.reporting.report.ReportParams;

@Path("/api/v1/reports/effectiveness")
@Tag(name = "Effectiveness", description = "Whether villages reached by door-to-door outreach see fewer cases.")
@Produces(MediaType.APPLICATION_JSON)
public class EffectivenessResource {

    @Inject
    ReadModel readModel;

    @Inject
    RegionScope scope;

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.COORDINATOR, Roles.FIELD_WORKER, Roles.AGENCY_REPORTER, Roles.INSPECTOR,
            Roles.VIEWER })
    @Operation(operationId = "getEffectiveness", summary = "Case rates of reached and not reached villages",
            description = "Over the ended ISO weeks whose Thursday falls in the range: cases per 1,000 households in "
                    + "villages whose first door-to-door round ended before the weeks against villages never reached; and "
                    + "in villages whose round ended within them, the rate before and after the round's week against the "
                    + "never-reached villages over the same weeks (a difference in differences). Every figure stands "
                    + "beside its villages and households; with fewer villages than the minimum it is left out and the "
                    + "answer says why.")
    @APIResponse(responseCode = "200", description = "The comparison")
    @APIResponse(responseCode = "400", description = "A bad code, day or number, or a range without an ended week "
            + "(region.code-invalid, request.invalid)")
    @APIResponse(responseCode = "403", description = "A region outside your scope (scope.forbidden)")
    @APIResponse(responseCode = "404", description = "No such region in the read model (region.not-found)")
    @APIResponse(responseCode = "503", description = "The read models are being built for the first time "
            + "(report.not-ready)")
    public Effectiveness effectiveness(
            @Parameter(description = "Region code", example = "341825",
                    schema = @Schema(type = SchemaType.STRING, pattern = RegionCode.PATTERN)) @PathParam("code") String code,
            @Parameter(description = "First day of the range", required = true, example = "2023-01-01",
                    schema = @Schema(type = SchemaType.STRING, pattern = ReportParams.DATE_PATTERN))
            @QueryParam("from") String from,
            @Parameter(description = "Last day of the range; today when absent", example = "2024-12-31",
                    schema = @Schema(type = SchemaType.STRING, pattern = ReportParams.DATE_PATTERN))
            @QueryParam("to") String to,
            @Parameter(description = "The percent of a village's households that ends its first round, 1 to 100; 50 "
                    + "when absent", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
            @QueryParam("roundPercent") String roundPercent,
            @Parameter(description = "The fewest villages a rate may stand on, 2 to 1000; 5 when absent",
                    schema = @Schema(type = SchemaType.INTEGER, minimum = "2", maximum = "1000"))
            @QueryParam("minimumVillages") String minimumVillages) {
        RegionCode region = scope.assertReadable(code);
        if (from == null) {
            throw ProblemException.invalidField("request.invalid", "from", "is required");
        }
        LocalDate first = ReportParams.day("from", from);
        LocalDate last = ReportParams.dayOrToday("to", to);
        List<Period> weeks = endedWeeks(first, last);
        if (weeks.isEmpty()) {
            throw ProblemException.invalidField("request.invalid", "from",
                    "the range holds no ended ISO week whose Thursday falls in it");
        }
        EffectivenessQueries.Method method = new EffectivenessQueries.Method(weeks,
                ReportParams.number("roundPercent", roundPercent, 50, 1, 100),
                ReportParams.number("minimumVillages", minimumVillages, 5, 2, 1000));
        return readModel.read((connection, freshness) -> EffectivenessQueries.of(connection, freshness, region.value(),
                method)).orElseThrow(() -> RegionRow.notFound(code));
    }

    /** The weeks whose Thursday is in the range and that ended before today (China). */
    static List<Period> endedWeeks(LocalDate first, LocalDate last) {
        List<Period> weeks = new ArrayList<>();
        LocalDate today = Days.today();
        for (Period week = Period.of(Granularity.WEEK, first); !week.start().isAfter(last); week = week.next()) {
            LocalDate thursday = week.start().with(DayOfWeek.THURSDAY);
            if (!thursday.isBefore(first) && !thursday.isAfter(last) && week.end().isBefore(today)) {
                weeks.add(week);
            }
        }
        return weeks;
    }
}
